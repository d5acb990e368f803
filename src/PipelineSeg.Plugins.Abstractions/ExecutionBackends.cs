namespace PipelineSeg.Plugins.Abstractions;

/// <summary>Names of execution backends (<see cref="ModelManifest.Backend"/>, <c>Inference:Backend</c>, <c>--backend</c>).</summary>
public static class ExecutionBackends
{
    /// <summary>
    /// The PipelineSeg engine (Nn on Tensors), shared by the host with every plugin: the model family plugin builds the
    /// network itself in <see cref="ISegmentationModelPlugin.CreateModel"/>.
    /// </summary>
    public const string Builtin = "builtin";

    /// <summary>TorchSharp (LibTorch): TorchScript files (<c>model.pt</c>) and the native families rebuilt from their state dicts.</summary>
    public const string Torch = "torch";

    /// <summary>ONNX Runtime: <c>model.onnx</c> files.</summary>
    public const string Onnx = "onnx";

    /// <summary>The backends PipelineSeg ships, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> Known { get; } = [Builtin, Torch, Onnx];

    /// <summary>True for the builtin engine (case-insensitive, like every backend name).</summary>
    public static bool IsBuiltin(string? name) => string.Equals(name, Builtin, StringComparison.OrdinalIgnoreCase);
}
