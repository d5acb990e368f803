namespace PipelineSeg.Plugins.Abstractions;

/// <summary>Names of execution backends (<see cref="ModelManifest.Backend"/>).</summary>
public static class ExecutionBackends
{
    /// <summary>
    /// The PipelineSeg engine (Nn on Tensors), shared by the host with every plugin: the model family plugin builds the
    /// network itself in <see cref="ISegmentationModelPlugin.CreateModel"/>.
    /// </summary>
    public const string Builtin = "builtin";

    /// <summary>True for the builtin engine (case-insensitive, like every backend name).</summary>
    public static bool IsBuiltin(string? name) => string.Equals(name, Builtin, StringComparison.OrdinalIgnoreCase);
}
