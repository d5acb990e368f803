namespace PipelineSeg.Plugins.Abstractions;

/// <summary>What the host tells a plugin or execution backend when it creates a model.</summary>
/// <param name="PluginDirectory">Absolute folder of the plugin whose manifest lists the model; manifest file paths are relative to it.</param>
/// <param name="MaxThreads">Threads one forward pass may use (0 = all cores; <c>Inference:MaxThreads</c>). A plugin on the
/// builtin engine applies it to the engine's kernel threading; a backend with its own runtime passes it to that runtime.</param>
public sealed record ModelCreationContext(string PluginDirectory, int MaxThreads = 0)
{
    /// <summary>
    /// Where an execution backend runs the model (<c>Inference:Device</c>; contract 2.1). The builtin engine is CPU-only.
    /// A backend that cannot honour an explicit CUDA request throws at creation, naming the cause.
    /// </summary>
    public ExecutionDevice Device { get; init; } = ExecutionDevice.Cpu;

    /// <summary>
    /// Type the backend computes in (<c>Inference:Precision</c>; contract 2.1). A backend that cannot compute in it on the
    /// model's device throws at creation, naming the reason; the builtin engine is float32 only.
    /// </summary>
    public ExecutionPrecision Precision { get; init; } = ExecutionPrecision.Fp32;

    /// <summary>Absolute path of a file listed in the manifest, relative to <see cref="PluginDirectory"/>.</summary>
    public string ResolveFile(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        return Path.GetFullPath(Path.Combine(PluginDirectory, relativePath));
    }
}
