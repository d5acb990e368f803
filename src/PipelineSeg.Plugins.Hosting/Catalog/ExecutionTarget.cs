using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>Where and how models run (<c>Inference:Backend</c>/<c>Device</c>/<c>Precision</c>, <c>--backend</c>, <c>--device</c>, <c>--precision</c>).</summary>
/// <param name="Backend">Backend name (<see cref="ExecutionBackends"/>), or null for each model's own manifest backend.</param>
/// <param name="Device">Device handed to execution backends; the builtin engine accepts cpu and auto only.</param>
public sealed record ExecutionTarget(string? Backend, ExecutionDevice Device)
{
    /// <summary>Type the backend computes in (<c>Inference:Precision</c>, <c>--precision</c>); the builtin engine takes fp32 only.</summary>
    public ExecutionPrecision Precision { get; init; } = ExecutionPrecision.Fp32;

    /// <summary>Each model on its own backend, on the CPU.</summary>
    public static ExecutionTarget Default { get; } = new(null, ExecutionDevice.Cpu);
}
