using System.IO.Compression;
using Tensor = PipelineSeg.Tensors.Tensor;

namespace PipelineSeg.Nn;

/// <summary>
/// A state dict saved by <c>torch.save</c> (.pt/.pth): the zip format (PyTorch ≥ 1.6: <c>archive/data.pkl</c> plus one
/// <c>archive/data/KEY</c> entry per storage) or the legacy stream of pickles. The pickle is read by a
/// <see cref="RestrictedUnpickler"/> that allows only what a state dict needs and never executes code from the file.
/// The state dict is the top-level dict, or the dict under <c>state_dict</c>, <c>model_state_dict</c>, <c>model</c>,
/// <c>net</c> or <c>state</c> of a training checkpoint; entries that are not tensors (milesial's <c>mask_values</c>) are
/// listed in <see cref="IgnoredKeys"/>. Tensors are converted to float32 when copied out.
/// </summary>
public sealed class TorchCheckpointFile : IDisposable, ITensorSource
{
    private static readonly string[] NestedKeys = ["state_dict", "model_state_dict", "model", "net", "state"];
    private readonly IDisposable? archive;
    private readonly OrderedDictionary<string, TorchTensorReference> tensors;

    private TorchCheckpointFile(string path, IDisposable? archive, OrderedDictionary<string, TorchTensorReference> tensors,
        IReadOnlyList<string> ignored, string? nestedKey)
    {
        Path = path;
        this.archive = archive;
        this.tensors = tensors;
        IgnoredKeys = ignored;
        StateDictKey = nestedKey;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Tensor names in the file's order.</summary>
    public IReadOnlyList<string> Keys => [.. tensors.Keys];

    /// <summary>Entries of the state dict that are not tensors (skipped).</summary>
    public IReadOnlyList<string> IgnoredKeys { get; }

    /// <summary>The top-level key the state dict was found under, or null when the file is the state dict itself.</summary>
    public string? StateDictKey { get; }

    string ITensorSource.Name => Path;

    IEnumerable<string> ITensorSource.Keys => tensors.Keys;

    /// <summary>True when the file starts like a torch.save file (zip or legacy pickle), so callers can pick a reader by content.</summary>
    public static bool IsTorchFile(ReadOnlySpan<byte> head) =>
        head.StartsWith("PK\u0003\u0004"u8) || (head.Length >= 2 && head[0] == 0x80 && head[1] <= 5);

    /// <summary>Opens the file and reads its pickle (storages are read when a tensor is copied).</summary>
    /// <param name="path">The .pt/.pth file.</param>
    /// <param name="stateDictKey">Top-level key holding the state dict; null to find it.</param>
    /// <exception cref="UnpicklingRefusedException">The pickle needs a global or opcode a state dict has no use for.</exception>
    /// <exception cref="InvalidDataException">Not a torch file, or malformed; the message names the file.</exception>
    public static TorchCheckpointFile Open(string path, string? stateDictKey = null)
    {
        var head = new byte[4];
        using (var probe = File.OpenRead(path))
        {
            probe.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        if (!IsTorchFile(head))
        {
            throw new InvalidDataException($"{path}: not a torch.save file (neither a zip archive nor a pickle)");
        }
        IDisposable? archive = null;
        try
        {
            object? root;
            if (head.AsSpan().StartsWith("PK\u0003\u0004"u8))
            {
                var zip = ZipFile.OpenRead(path);
                archive = zip;
                root = TorchZipFormat.Read(zip);
            }
            else
            {
                root = TorchLegacyFormat.Read(File.ReadAllBytes(path));
            }
            var (dict, key) = FindStateDict(root, stateDictKey);
            var found = new OrderedDictionary<string, TorchTensorReference>(StringComparer.Ordinal);
            var ignored = new List<string>();
            foreach (var (name, value) in dict)
            {
                var text = name as string ?? throw new InvalidDataException($"state dict key {PickleValues.Describe(name)} is not a string");
                if (value is TorchTensorReference tensor)
                {
                    tensor.Validate(text);
                    found.Add(text, tensor);
                }
                else
                {
                    ignored.Add(text);
                }
            }
            return new TorchCheckpointFile(path, archive, found, ignored, key);
        }
        catch (Exception e) when (e is InvalidDataException or UnpicklingRefusedException && !e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            archive?.Dispose();
            throw e is UnpicklingRefusedException ? new UnpicklingRefusedException($"{path}: {e.Message}", e) : new InvalidDataException($"{path}: {e.Message}", e);
        }
        catch
        {
            archive?.Dispose();
            throw;
        }
    }

    /// <summary>Dimensions of tensor <paramref name="key"/>.</summary>
    public int[] Shape(string key) => Get(key).Shape;

    /// <summary>Element type of tensor <paramref name="key"/> as stored.</summary>
    public TorchScalarType ScalarType(string key) => Get(key).Storage.ScalarType;

    /// <summary>Reads tensor <paramref name="key"/> as float32 into a new pooled tensor.</summary>
    public Tensor ReadTensor(string key)
    {
        var reference = Get(key);
        var tensor = Tensor.Empty(reference.Shape);
        reference.CopyTo(tensor.Span);
        return tensor;
    }

    /// <summary>Converts tensor <paramref name="key"/> to float32 into <paramref name="destination"/>.</summary>
    public void CopyTo(string key, Span<float> destination) => Get(key).CopyTo(destination);

    /// <summary>Closes the archive.</summary>
    public void Dispose() => archive?.Dispose();

    private TorchTensorReference Get(string key) =>
        tensors.TryGetValue(key, out var t) ? t : throw new KeyNotFoundException($"{Path}: no tensor named '{key}'");

    private static (PickleDict Dict, string? Key) FindStateDict(object? root, string? requested)
    {
        if (root is not PickleDict dict)
        {
            throw new InvalidDataException($"the file holds a {PickleValues.Describe(root)}, not a state dict (a dict of tensors)");
        }
        if (requested is not null)
        {
            return dict.TryGetValue(requested, out var inner) && inner is PickleDict innerDict
                ? (innerDict, requested)
                : throw new InvalidDataException($"no dict under key '{requested}' (top-level keys: {string.Join(", ", dict.Keys)})");
        }
        if (dict.Values.Any(v => v is TorchTensorReference))
        {
            return (dict, null);
        }
        foreach (var key in NestedKeys)
        {
            if (dict.TryGetValue(key, out var inner) && inner is PickleDict innerDict && innerDict.Values.Any(v => v is TorchTensorReference))
            {
                return (innerDict, key);
            }
        }
        throw new InvalidDataException($"no state dict found: the top-level dict holds no tensors and none under {string.Join(", ", NestedKeys)} (keys: {string.Join(", ", dict.Keys)})");
    }
}
