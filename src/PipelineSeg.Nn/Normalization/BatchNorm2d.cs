using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>
/// torch.nn.BatchNorm2d. Eval mode uses running statistics (and is folded into a preceding convolution when fused);
/// training mode, or track_running_stats=false, normalizes with the batch's own statistics.
/// </summary>
public sealed class BatchNorm2d : NormalizationBase
{
    private float[]? scale;
    private float[]? shift;

    /// <summary>PyTorch's defaults: eps 1e-5, momentum 0.1, affine, tracking running statistics.</summary>
    public BatchNorm2d(int numFeatures, float eps = 1e-5f, float momentum = 0.1f, bool affine = true, bool trackRunningStats = true)
        : base(numFeatures, eps, momentum, affine, trackRunningStats)
    {
    }

    /// <summary>The convolution this layer is folded into, if any.</summary>
    public ConvolutionBase? FoldedInto { get; internal set; }

    /// <summary>True when eval mode uses running statistics, the condition for folding.</summary>
    public bool UsesRunningStatistics => !Training && RunningMean is not null;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        if (FoldedInto is { FusionActive: true })
        {
            return input.Share();
        }
        var output = Tensor.Empty(input.Shape);
        Apply(input, output);
        return output;
    }

    /// <inheritdoc />
    protected internal override bool TryForwardInPlace(Tensor tensor)
    {
        if (FoldedInto is not { FusionActive: true })
        {
            Apply(tensor, tensor);
        }
        return true;
    }

    /// <summary>The eval-mode map y = x·scale + shift per channel (scale = γ/√(var+ε), shift = β − mean·scale).</summary>
    public (float[] Scale, float[] Shift) ScaleAndShift()
    {
        if (RunningMean is null || RunningVar is null)
        {
            throw new InvalidOperationException("BatchNorm2d without running statistics has no fixed scale and shift");
        }
        if (scale is null || shift is null)
        {
            var s = new float[NumFeatures];
            var b = new float[NumFeatures];
            for (var c = 0; c < NumFeatures; c++)
            {
                var inv = 1.0 / Math.Sqrt(RunningVar.Span[c] + (double)Eps);
                var gamma = Weight?.Span[c] ?? 1f;
                var beta = Bias?.Span[c] ?? 0f;
                s[c] = (float)(gamma * inv);
                b[c] = (float)(beta - RunningMean.Span[c] * gamma * inv);
            }
            (scale, shift) = (s, b);
        }
        return (scale, shift);
    }

    /// <inheritdoc />
    protected override void OnStateChanged()
    {
        scale = null;
        shift = null;
    }

    private void Apply(Tensor input, Tensor output)
    {
        if (input.Rank != 4 || input.Shape[1] != NumFeatures)
        {
            throw new ArgumentException($"BatchNorm2d({NumFeatures}): expected input [N, {NumFeatures}, H, W], got {input}", nameof(input));
        }
        if (UsesRunningStatistics)
        {
            var (s, b) = ScaleAndShift();
            Normalization.ChannelAffine(input, s, b, output);
            return;
        }
        BatchStatistics.Normalize(this, input, output);
        OnStateChanged();
    }
}
