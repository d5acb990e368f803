namespace PipelineSeg.Nn;

/// <summary>
/// Presents a source's keys without a leading prefix where present (e.g. "module." from DataParallel checkpoints),
/// like torch.nn.modules.utils.consume_prefix_in_state_dict_if_present.
/// </summary>
internal sealed class PrefixStrippingTensorSource : ITensorSource
{
    private readonly ITensorSource inner;
    private readonly Dictionary<string, string> originals = new(StringComparer.Ordinal);

    public PrefixStrippingTensorSource(ITensorSource inner, string prefix)
    {
        this.inner = inner;
        foreach (var key in inner.Keys)
        {
            var stripped = key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : key;
            if (!originals.TryAdd(stripped, key))
            {
                throw new InvalidDataException($"{inner.Name}: keys '{originals[stripped]}' and '{key}' both become '{stripped}' without the prefix '{prefix}'");
            }
        }
    }

    public string Name => inner.Name;

    public IEnumerable<string> Keys => originals.Keys;

    public int[] Shape(string key) => inner.Shape(originals[key]);

    public void CopyTo(string key, Span<float> destination) => inner.CopyTo(originals[key], destination);
}
