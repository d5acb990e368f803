using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>Where models run (<c>Inference:Backend</c>, <c>Inference:Device</c>, <c>--backend</c>, <c>--device</c>).</summary>
/// <param name="Backend">Backend name (<see cref="ExecutionBackends"/>), or null for each model's own manifest backend.</param>
/// <param name="Device">Device handed to execution backends; the builtin engine accepts cpu and auto only.</param>
public sealed record ExecutionTarget(string? Backend, ExecutionDevice Device)
{
    /// <summary>Each model on its own backend, on the CPU.</summary>
    public static ExecutionTarget Default { get; } = new(null, ExecutionDevice.Cpu);
}
