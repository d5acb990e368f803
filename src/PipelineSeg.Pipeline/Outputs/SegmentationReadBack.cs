using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>
/// After every SEG write: reopen the file with our own reader, place its frames on the source grid by their positions
/// (as viewers do, not by the instances they reference; matched against the source slices' own positions, so stacks
/// with gaps or uneven spacing work) and compare each segment's voxel count and centroid with the mask it was written
/// from. A flipped or misplaced SEG then fails the job instead of shipping silently.
/// </summary>
public static class SegmentationReadBack
{
    /// <summary>Centroids may differ by floating-point summation only; any real misplacement moves them by far more.</summary>
    private const double CentroidTolerance = 1e-3;

    /// <summary>
    /// Throws <see cref="SegmentationReadBackException"/> unless segment i+1 of the SEG at <paramref name="path"/> matches
    /// <paramref name="expected"/>[i] (masks in series slice order on the grid of <paramref name="series"/>).
    /// </summary>
    public static void Verify(string path, DicomSeries series, IReadOnlyList<(string Label, Volume<byte> Mask)> expected)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(expected);
        var geometry = series.Geometry ?? throw new ArgumentException($"series {series.Key} has no geometry", nameof(series));
        var seg = SegmentationReader.Read(path);
        var numbers = seg.Segments.Select(s => s.Number).ToHashSet();
        for (var i = 0; i < expected.Count; i++)
        {
            var (label, mask) = expected[i];
            var want = MaskFigures.Of(mask);
            if (!numbers.Contains(i + 1))
            {
                throw new SegmentationReadBackException(path, i + 1, label, want, new MaskFigures(0, double.NaN, double.NaN, double.NaN));
            }
            var found = MaskFigures.Of(DicomVolumeAdapter.SegmentMask(seg, i + 1, geometry, series.Slices));
            if (!want.Matches(found, CentroidTolerance))
            {
                throw new SegmentationReadBackException(path, i + 1, label, want, found);
            }
        }
        if (seg.Segments.Count != expected.Count)
        {
            throw new SegmentationReadBackException($"read-back check of '{path}' failed: {seg.Segments.Count} segments written, {expected.Count} meant");
        }
    }
}
