namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// Implemented by models of execution backends that choose a device: the host logs where the model runs and, for
/// <c>auto</c>, why (e.g. "no CUDA device"). Contract 2.1.
/// </summary>
public interface IModelPlacement
{
    /// <summary>The device the model runs on, never <see cref="ExecutionDeviceKind.Auto"/>.</summary>
    ExecutionDevice Device { get; }

    /// <summary>Why the device differs from the one asked for (auto resolved to CPU), or null.</summary>
    string? Note { get; }
}
