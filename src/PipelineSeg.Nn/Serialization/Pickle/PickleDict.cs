namespace PipelineSeg.Nn;

/// <summary>An unpickled dict or collections.OrderedDict (insertion order kept). Attributes set by BUILD, such as a
/// state dict's <c>_metadata</c>, are kept apart and not interpreted.</summary>
internal sealed class PickleDict : OrderedDictionary<object, object?>, IPickleBuildable
{
    public Dictionary<string, object?> Attributes { get; } = new(StringComparer.Ordinal);

    public void SetState(object? state)
    {
        if (state is not PickleDict attributes)
        {
            throw new UnpicklingRefusedException($"an OrderedDict's state must be a dict of attributes, not {PickleValues.Describe(state)}");
        }
        foreach (var (name, value) in attributes)
        {
            Attributes[name as string ?? throw new UnpicklingRefusedException("an attribute name must be a string")] = value;
        }
    }
}
