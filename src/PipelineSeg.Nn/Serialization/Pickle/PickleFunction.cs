namespace PipelineSeg.Nn;

/// <summary>An allowed global implemented in C#: the only code an unpickled stream can reach.</summary>
internal sealed class PickleFunction(string name, Func<PickleTuple, object?> call) : IPickleCallable
{
    public string Name { get; } = name;

    public object? Call(PickleTuple arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return call(arguments);
    }

    public override string ToString() => Name;
}
