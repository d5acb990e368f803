using PipelineSeg.Plugins.Abstractions;
using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch.Families;

/// <summary>The family plugins' output mappings (BatchedSegmentationModel and its subclasses) as LibTorch operations.</summary>
internal static class OutputHeads
{
    /// <summary>Softmax over classes for kind probabilities, the logits unchanged for kind logits.</summary>
    public static Func<Tensor, Tensor> Classes(ModelManifest model) =>
        model.Output.Kind == OutputKind.Probabilities ? y => y.softmax(1) : y => y;

    /// <summary>
    /// One foreground map y → [1 − p, p] with p = clamp(y · scale + offset, 0, 1), as BatchedSegmentationModel.ForegroundToTwoClasses.
    /// </summary>
    public static Func<Tensor, Tensor> ForegroundToTwoClasses(double scale, double offset) => y =>
    {
        var p = (y * scale + offset).clamp(0.0, 1.0);
        return cat([1.0 - p, p], 1);
    };
}
