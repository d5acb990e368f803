namespace PipelineSeg.Plugins.Abstractions;

/// <summary>The text forms of <see cref="ExecutionPrecision"/>: <c>fp32</c>, <c>fp16</c>, <c>bf16</c>.</summary>
public static class ExecutionPrecisionNames
{
    /// <summary>The names, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> Known { get; } = ["fp32", "fp16", "bf16"];

    /// <summary>Parses <c>fp32|fp16|bf16</c> (case-insensitive; empty means fp32); false for anything else.</summary>
    public static bool TryParse(string? text, out ExecutionPrecision precision)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "fp32":
                precision = ExecutionPrecision.Fp32;
                return true;
            case "fp16":
                precision = ExecutionPrecision.Fp16;
                return true;
            case "bf16":
                precision = ExecutionPrecision.Bf16;
                return true;
            default:
                precision = ExecutionPrecision.Fp32;
                return false;
        }
    }

    /// <summary>Parses like <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">Not <c>fp32|fp16|bf16</c>.</exception>
    public static ExecutionPrecision Parse(string? text) =>
        TryParse(text, out var precision) ? precision : throw new FormatException($"precision '{text}' is not fp32, fp16 or bf16");

    /// <summary>The lowercase name, e.g. <c>bf16</c>.</summary>
    public static string Name(this ExecutionPrecision precision) => Known[(int)precision];
}
