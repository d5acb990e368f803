using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>Training-mode batch normalization: batch mean and biased variance per channel; running statistics updated.</summary>
internal static class BatchStatistics
{
    public static void Normalize(BatchNorm2d bn, Tensor input, Tensor output)
    {
        var (n, c) = (input.Shape[0], input.Shape[1]);
        var planes = n * c;
        var mean = new double[planes];
        var variance = new double[planes];
        Normalization.PlaneStatistics(input, mean, variance);
        var count = (double)n * input.Shape[2] * input.Shape[3];
        var scale = new float[c];
        var shift = new float[c];
        for (var ch = 0; ch < c; ch++)
        {
            double m = 0, sq = 0;
            for (var i = 0; i < n; i++)
            {
                m += mean[i * c + ch];
            }
            m /= n;
            for (var i = 0; i < n; i++)
            {
                // Combine per-plane variances: E[(x-m)^2] = var_p + (mean_p - m)^2, averaged over planes.
                var d = mean[i * c + ch] - m;
                sq += variance[i * c + ch] + d * d;
            }
            var v = sq / n;
            var inv = 1.0 / Math.Sqrt(v + bn.Eps);
            var gamma = bn.Weight?.Span[ch] ?? 1f;
            var beta = bn.Bias?.Span[ch] ?? 0f;
            scale[ch] = (float)(gamma * inv);
            shift[ch] = (float)(beta - m * gamma * inv);
            if (bn.Training && bn.RunningMean is not null && bn.RunningVar is not null)
            {
                var unbiased = count > 1 ? v * count / (count - 1) : v;
                bn.RunningMean.Span[ch] = (float)((1 - bn.Momentum) * bn.RunningMean.Span[ch] + bn.Momentum * m);
                bn.RunningVar.Span[ch] = (float)((1 - bn.Momentum) * bn.RunningVar.Span[ch] + bn.Momentum * unbiased);
            }
        }
        Normalization.ChannelAffine(input, scale, shift, output);
    }
}
