using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>
/// A segment's uncertainty figures for report.json: the mean std of its class probability over the segment's voxels, and
/// the fraction of those voxels whose std exceeds <see cref="UncertainStd"/>.
/// </summary>
/// <param name="Mean">Mean standard deviation (0–0.5).</param>
/// <param name="UncertainFraction">Fraction of the segment's voxels with std &gt; <see cref="UncertainStd"/>.</param>
public sealed record SegmentUncertainty(double Mean, double UncertainFraction)
{
    /// <summary>The std above which a voxel counts as uncertain: passes disagree by ±0.1 in the class probability.</summary>
    public const double UncertainStd = 0.1;

    /// <summary>The figures of <paramref name="segmentClass"/> (its voxels plus those of the classes it contains, as in the SEG); null when it is empty.</summary>
    public static SegmentUncertainty? Of(SegmentClass segmentClass, IReadOnlyList<SegmentClass> classes, Volume<byte> labels, Volume<byte> spread)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(spread);
        var inside = new bool[256];
        foreach (var v in DicomVolumeAdapter.ValuesOf(segmentClass, classes))
        {
            inside[v] = true;
        }
        var cut = (byte)Math.Min(255, Math.Floor(UncertainStd * SpreadVolumes.Scale));
        var (sum, voxels, uncertain) = (0L, 0L, 0L);
        var (l, s) = (labels.Array, spread.Array);
        for (var i = 0; i < l.Length; i++)
        {
            if (inside[l[i]])
            {
                sum += s[i];
                voxels++;
                uncertain += s[i] > cut ? 1 : 0;
            }
        }
        return voxels == 0 ? null : new SegmentUncertainty(sum / (double)voxels / SpreadVolumes.Scale, uncertain / (double)voxels);
    }
}
