namespace PipelineSeg.Nn;

/// <summary>A typed storage class such as <c>torch.FloatStorage</c>: names the element type of a persistent storage.
/// It is a value in persistent ids, never called.</summary>
internal sealed class TorchStorageType(string name, TorchScalarType scalarType) : IPickleCallable
{
    public string Name { get; } = name;

    public TorchScalarType ScalarType { get; } = scalarType;

    public object? Call(PickleTuple arguments) =>
        throw new UnpicklingRefusedException($"pickle: {Name} may only name a storage type, not be called");

    /// <summary>The storage classes torch writes, by class name.</summary>
    public static readonly IReadOnlyDictionary<string, TorchScalarType> Known = new Dictionary<string, TorchScalarType>(StringComparer.Ordinal)
    {
        ["FloatStorage"] = TorchScalarType.Float32,
        ["HalfStorage"] = TorchScalarType.Float16,
        ["BFloat16Storage"] = TorchScalarType.BFloat16,
        ["DoubleStorage"] = TorchScalarType.Float64,
        ["LongStorage"] = TorchScalarType.Int64,
        ["IntStorage"] = TorchScalarType.Int32,
        ["ShortStorage"] = TorchScalarType.Int16,
        ["CharStorage"] = TorchScalarType.Int8,
        ["ByteStorage"] = TorchScalarType.UInt8,
        ["BoolStorage"] = TorchScalarType.Bool,
    };
}
