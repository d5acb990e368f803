using System.Globalization;

namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// Where a backend runs a model: <c>cpu</c>, <c>cuda</c> (device 0), <c>cuda:N</c>, or <c>auto</c> (CUDA when the
/// backend's native library and a device are present, else CPU). The builtin engine runs on the CPU only.
/// </summary>
/// <param name="Kind">CPU, CUDA or automatic choice.</param>
/// <param name="Index">CUDA device ordinal (0 unless <c>cuda:N</c>).</param>
public sealed record ExecutionDevice(ExecutionDeviceKind Kind, int Index = 0)
{
    /// <summary>The CPU.</summary>
    public static ExecutionDevice Cpu { get; } = new(ExecutionDeviceKind.Cpu);

    /// <summary>CUDA when available, else CPU.</summary>
    public static ExecutionDevice Auto { get; } = new(ExecutionDeviceKind.Auto);

    /// <summary>Parses <c>cpu|cuda|cuda:N|auto</c> (case-insensitive); null when the text is none of them.</summary>
    public static ExecutionDevice? TryParse(string? text)
    {
        var t = text?.Trim().ToLowerInvariant();
        switch (t)
        {
            case "cpu":
                return Cpu;
            case "auto":
                return Auto;
            case "cuda":
                return new ExecutionDevice(ExecutionDeviceKind.Cuda);
            default:
                break;
        }
        return t is not null && t.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(t.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? new ExecutionDevice(ExecutionDeviceKind.Cuda, index)
            : null;
    }

    /// <summary>Parses like <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">Not <c>cpu|cuda|cuda:N|auto</c>.</exception>
    public static ExecutionDevice Parse(string? text) =>
        TryParse(text) ?? throw new FormatException($"device '{text}' is not cpu, cuda, cuda:N or auto");

    /// <summary>The text form, e.g. <c>cuda:1</c>.</summary>
    public override string ToString() => Kind switch
    {
        ExecutionDeviceKind.Cpu => "cpu",
        ExecutionDeviceKind.Auto => "auto",
        _ => Index == 0 ? "cuda" : string.Create(CultureInfo.InvariantCulture, $"cuda:{Index}"),
    };
}
