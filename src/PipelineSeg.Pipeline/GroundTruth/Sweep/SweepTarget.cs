using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.GroundTruth.Sweep;

/// <summary>
/// One scored class of a sweep: the probability channels summed into its score, its ground-truth mask, and per slice a
/// histogram of voxels by (ground truth, number of thresholds the probability exceeds), from which every threshold's
/// confusion counts follow.
/// </summary>
internal sealed class SweepTarget(SegmentClass segmentClass, int[] channels, Volume<byte> truth, int depth, int thresholds)
{
    private readonly long[]?[] _slices = new long[]?[depth];

    public SegmentClass Class { get; } = segmentClass;

    public int[] Channels { get; } = channels;

    public Volume<byte> Truth { get; } = truth;

    /// <summary>Counts slice <paramref name="z"/> (probability on the source grid) against its ground truth, replacing earlier counts of it.</summary>
    public void Count(int z, ReadOnlySpan<float> probability, double[] ascending)
    {
        var bins = thresholds + 1;
        var counts = new long[2 * bins];
        var truthSlice = Truth.Slice(z);
        for (var i = 0; i < probability.Length; i++)
        {
            double p = probability[i]; // compared in double, like ThresholdSweep.Binarize
            var k = 0;
            while (k < thresholds && p > ascending[k])
            {
                k++;
            }
            counts[(truthSlice[i] != 0 ? bins : 0) + k]++;
        }
        _slices[z] = counts;
    }

    /// <summary>Confusion counts per threshold (ascending): foreground where the probability exceeds it.</summary>
    public IReadOnlyList<ConfusionCounts> Totals()
    {
        var bins = thresholds + 1;
        var sum = new long[2 * bins];
        for (var z = 0; z < _slices.Length; z++)
        {
            var slice = _slices[z] ?? throw new InvalidOperationException($"threshold sweep of '{Class.Label}': slice {z} was never seen");
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += slice[i];
            }
        }
        var result = new ConfusionCounts[thresholds];
        for (var j = 0; j < thresholds; j++)
        {
            var (tp, fp, fn, tn) = (0L, 0L, 0L, 0L);
            for (var k = 0; k < bins; k++)
            {
                if (k > j)
                {
                    (tp, fp) = (tp + sum[bins + k], fp + sum[k]);
                }
                else
                {
                    (fn, tn) = (fn + sum[bins + k], tn + sum[k]);
                }
            }
            result[j] = new ConfusionCounts(tp, fp, fn, tn);
        }
        return result;
    }
}
