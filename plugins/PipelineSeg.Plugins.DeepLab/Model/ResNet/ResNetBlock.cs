using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>
/// What torchvision's BasicBlock and Bottleneck share: a chain of conv → BN (→ ReLU) stages, an optional
/// <c>downsample</c> (1×1 conv, BN) on the identity, and ReLU after the sum. In eval mode each conv computes its BN and
/// inner ReLU (the last stage's ReLU follows the sum, so it stays outside).
/// </summary>
public abstract class ResNetBlock : Module
{
    private readonly List<(Conv2d Conv, BatchNorm2d Norm, ReLU? Relu)> stages = [];
    private Sequential? downsample;

    /// <summary>Output channels over input planes (1 for BasicBlock, 4 for Bottleneck).</summary>
    public abstract int Expansion { get; }

    /// <summary>Registers one stage as <c>conv{i}</c> / <c>bn{i}</c>; <paramref name="relu"/> for all but the last.</summary>
    private protected void AddStage(int index, Conv2d conv, bool relu)
    {
        var c = RegisterModule($"conv{index}", conv);
        var n = RegisterModule($"bn{index}", new BatchNorm2d(conv.OutChannels));
        stages.Add((c, n, relu ? new ReLU() : null));
    }

    /// <summary>Registers torchvision's <c>downsample</c> = Sequential(Conv2d 1×1 with stride, BatchNorm2d).</summary>
    private protected void AddDownsample(Sequential? value)
    {
        if (value is not null)
        {
            downsample = RegisterModule("downsample", value);
        }
    }

    /// <summary>The 1×1 projection torchvision uses when stride or width changes (<paramref name="needed"/>), else null.</summary>
    private protected static Sequential? Downsample(bool needed, int inplanes, int outplanes, int stride) =>
        needed ? new Sequential(new Conv2d(inplanes, outplanes, 1, stride: stride, bias: false), new BatchNorm2d(outplanes)) : null;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var identity = downsample is null ? input.Share() : downsample.Forward(input);
        var x = input.Share();
        foreach (var (conv, norm, relu) in stages)
        {
            using var previous = x;
            using var convolved = conv.Forward(previous);
            using var normalized = norm.Forward(convolved);
            x = relu is null ? normalized.Share() : relu.Forward(normalized);
        }
        using (x)
        {
            using var sum = Functional.Add(x, identity);
            return Functional.Relu(sum);
        }
    }

    /// <inheritdoc />
    protected override void OnFoldRequested()
    {
        if (Training)
        {
            return;
        }
        foreach (var (conv, norm, relu) in stages)
        {
            if (conv.FusedBatchNorm is null && Fusion.CanFuse(conv, norm, relu, out _))
            {
                Fusion.Fuse(conv, norm, relu);
            }
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var (_, _, relu) in stages)
            {
                relu?.Dispose();
            }
        }
        base.Dispose(disposing);
    }
}
