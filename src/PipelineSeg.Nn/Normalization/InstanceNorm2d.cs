using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>
/// torch.nn.InstanceNorm2d: each (sample, channel) plane normalized by its own mean and biased variance; optional affine
/// γ/β; with track_running_stats, eval mode uses the running statistics instead (and training updates them).
/// </summary>
public sealed class InstanceNorm2d : NormalizationBase
{
    private double[] mean = [];
    private double[] variance = [];
    private float[] scale = [];
    private float[] shift = [];

    /// <summary>PyTorch's defaults: eps 1e-5, momentum 0.1, no affine, no running statistics.</summary>
    public InstanceNorm2d(int numFeatures, float eps = 1e-5f, float momentum = 0.1f, bool affine = false, bool trackRunningStats = false)
        : base(numFeatures, eps, momentum, affine, trackRunningStats)
    {
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        var output = Tensor.Empty(input.Shape);
        try
        {
            Apply(input, output);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected internal override bool TryForwardInPlace(Tensor tensor)
    {
        Apply(tensor, tensor);
        return true;
    }

    private void Apply(Tensor input, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Shape[1] != NumFeatures)
        {
            throw new ArgumentException($"InstanceNorm2d({NumFeatures}): expected input [N, {NumFeatures}, H, W], got {input}", nameof(input));
        }
        var (n, c) = (input.Shape[0], input.Shape[1]);
        var planes = n * c;
        if (scale.Length != planes)
        {
            (mean, variance, scale, shift) = (new double[planes], new double[planes], new float[planes], new float[planes]);
        }
        var useRunning = !Training && RunningMean is not null && RunningVar is not null;
        if (!useRunning)
        {
            Normalization.PlaneStatistics(input, mean, variance);
        }
        var count = (double)input.Shape[2] * input.Shape[3];
        for (var p = 0; p < planes; p++)
        {
            var ch = p % c;
            var m = useRunning ? RunningMean!.Span[ch] : mean[p];
            var v = useRunning ? RunningVar!.Span[ch] : variance[p];
            var inv = 1.0 / Math.Sqrt(v + Eps);
            var gamma = Weight?.Span[ch] ?? 1f;
            var beta = Bias?.Span[ch] ?? 0f;
            scale[p] = (float)(gamma * inv);
            shift[p] = (float)(beta - m * gamma * inv);
        }
        if (Training && RunningMean is not null && RunningVar is not null)
        {
            UpdateRunningStatistics(n, c, count);
        }
        Normalization.PlaneAffine(input, scale, shift, output);
    }

    private void UpdateRunningStatistics(int n, int c, double count)
    {
        for (var ch = 0; ch < c; ch++)
        {
            double m = 0, v = 0;
            for (var i = 0; i < n; i++)
            {
                m += mean[i * c + ch];
                v += count > 1 ? variance[i * c + ch] * count / (count - 1) : variance[i * c + ch];
            }
            RunningMean!.Span[ch] = (float)((1 - Momentum) * RunningMean.Span[ch] + Momentum * m / n);
            RunningVar!.Span[ch] = (float)((1 - Momentum) * RunningVar.Span[ch] + Momentum * v / n);
        }
    }
}
