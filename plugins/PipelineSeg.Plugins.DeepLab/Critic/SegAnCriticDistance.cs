using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>
/// SegAN's multiscale L1 distance (Xue et al. 2018) with a loaded <see cref="SegAnCritic"/>: per slice, the mean over levels
/// (the input, then each critic layer) of mean |f(x ⊙ p) − f(x ⊙ g)|, the foreground maps broadcast over the image's
/// channels — <c>SegAnCritic.distance(…, per_sample=True)</c> of the reference.
/// </summary>
public sealed class SegAnCriticDistance : ISegmentationCritic, IDisposable
{
    private readonly SegAnCritic critic;
    private readonly int channels;
    private readonly int height;
    private readonly int width;

    /// <summary>Takes ownership of <paramref name="critic"/> (eval mode) for inputs of the given size.</summary>
    public SegAnCriticDistance(SegAnCritic critic, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(critic);
        (this.critic, channels, this.height, this.width) = (critic, critic.InChannels, height, width);
    }

    /// <inheritdoc />
    public string Definition => "SegAN multiscale L1: mean over the input and each critic layer of mean |f(x*p) - f(x*g)|";

    /// <inheritdoc />
    public void Distances(ReadOnlySpan<float> input, ReadOnlySpan<float> prediction, ReadOnlySpan<float> truth, int sliceCount,
        Span<double> distances, CancellationToken cancellationToken = default)
    {
        var plane = height * width;
        if (input.Length != sliceCount * channels * plane || prediction.Length != sliceCount * plane || truth.Length != sliceCount * plane
            || distances.Length != sliceCount)
        {
            throw new ArgumentException($"critic: {sliceCount} slice(s) need {sliceCount * channels * plane} image values, {sliceCount * plane} per mask and {sliceCount} distances");
        }
        for (var s = 0; s < sliceCount; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var image = input.Slice(s * channels * plane, channels * plane);
            using var fp = Masked(image, prediction.Slice(s * plane, plane));
            using var fg = Masked(image, truth.Slice(s * plane, plane));
            var (a, b) = (critic.Features(fp), critic.Features(fg));
            try
            {
                var sum = 0.0;
                for (var level = 0; level < a.Count; level++)
                {
                    sum += MeanAbsoluteDifference(a[level].Span, b[level].Span);
                }
                distances[s] = sum / a.Count;
            }
            finally
            {
                foreach (var t in a.Concat(b))
                {
                    t.Dispose();
                }
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => critic.Dispose();

    private Tensor Masked(ReadOnlySpan<float> image, ReadOnlySpan<float> mask)
    {
        var plane = mask.Length;
        var x = Tensor.Empty(1, channels, height, width);
        var values = x.Span;
        for (var c = 0; c < channels; c++)
        {
            for (var i = 0; i < plane; i++)
            {
                values[c * plane + i] = image[c * plane + i] * mask[i];
            }
        }
        return x;
    }

    private static double MeanAbsoluteDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }
        return sum / a.Length;
    }
}
