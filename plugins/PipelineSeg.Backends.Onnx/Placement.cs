using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Onnx;

/// <summary>Where a session runs, and why when auto fell back to the CPU.</summary>
internal sealed record Placement(ExecutionDevice Device, string? Note);
