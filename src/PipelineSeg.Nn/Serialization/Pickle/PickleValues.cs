namespace PipelineSeg.Nn;

/// <summary>Type checks on unpickled values with messages in Python's terms.</summary>
internal static class PickleValues
{
    public static string Describe(object? value) => value switch
    {
        null => "None",
        string => "str",
        long or System.Numerics.BigInteger => "int",
        double => "float",
        bool => "bool",
        byte[] => "bytes",
        PickleTuple => "tuple",
        List<object?> => "list",
        PickleDict => "dict",
        IPickleCallable c => c.Name,
        _ => value.GetType().Name,
    };

    public static long Int(object? value, string what) =>
        value as long? ?? throw new InvalidDataException($"{what} must be an int, not {Describe(value)}");

    public static PickleTuple Tuple(object? value, string what) =>
        value as PickleTuple ?? throw new InvalidDataException($"{what} must be a tuple, not {Describe(value)}");

    public static long[] Ints(object? value, string what) =>
        Tuple(value, what).Items.Select((v, i) => Int(v, $"{what}[{i}]")).ToArray();
}
