using PipelineSeg.Plugins.Abstractions;
using TorchSharp;

namespace PipelineSeg.Backends.Torch;

/// <summary>The LibTorch device a model runs on, its contract form, and why auto fell back to the CPU.</summary>
internal sealed record TorchPlacement(torch.Device Device, ExecutionDevice Contract, string? Note);
