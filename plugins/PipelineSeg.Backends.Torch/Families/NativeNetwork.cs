using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch.Families;

/// <summary>
/// A rebuilt family network and what the family plugin makes of its raw output (softmax, a regression or tanh map as
/// two-class probabilities …), so the torch backend gives exactly what the builtin plugin gives.
/// </summary>
/// <param name="Module">The module tree, keys as in the family plugin's state dict.</param>
/// <param name="Output">Raw network output [N, C, H, W] → the manifest's output [N, classes, H, W].</param>
/// <param name="Architecture">For messages, e.g. "U-Net", "SegNet (naive-symmetric)".</param>
internal sealed record NativeNetwork(nn.Module<Tensor, Tensor> Module, Func<Tensor, Tensor> Output, string Architecture);
