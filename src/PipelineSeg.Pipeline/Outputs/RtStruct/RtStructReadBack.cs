using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Rt;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Contours;

namespace PipelineSeg.Pipeline.Outputs.RtStruct;

/// <summary>
/// After every RTSTRUCT write: reopen it with our own reader, place each contour on the source slice whose plane it lies
/// in (by position, as planning systems do; the image it references must be that slice), rasterise every ROI by the
/// even-odd rule at pixel centres and compare voxel count and centroid with the mask it was traced from. The contours
/// follow pixel edges, half a pixel from every centre, so the rasterisation is exact: counts must be equal and centroids
/// agree to 0.001 voxel (summation only); a flipped, shifted or misplaced structure set fails the job with the figures.
/// </summary>
public static class RtStructReadBack
{
    private const double CentroidTolerance = 1e-3;

    /// <summary>Throws <see cref="SegmentationReadBackException"/> unless ROI i+1 of <paramref name="path"/> rasterises to <paramref name="expected"/>[i].</summary>
    public static void Verify(string path, DicomSeries series, IReadOnlyList<(string Label, Volume<byte> Mask)> expected)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(expected);
        var rtss = RtStructureSetReader.Read(path);
        if (!string.IsNullOrEmpty(series.FrameOfReferenceUid) && rtss.FrameOfReferenceUid != series.FrameOfReferenceUid)
        {
            throw new SegmentationReadBackException($"read-back check of '{path}' failed: Frame of Reference {rtss.FrameOfReferenceUid} is not the series' {series.FrameOfReferenceUid}");
        }
        var missing = series.Slices.Select(s => s.SopInstanceUid).Except(rtss.ReferencedImageUids, StringComparer.Ordinal).Count();
        if (!rtss.ReferencedSeriesUids.Contains(series.SeriesInstanceUid) || missing > 0)
        {
            throw new SegmentationReadBackException($"read-back check of '{path}' failed: the series is not referenced, or {missing} of its images are not");
        }
        if (rtss.Rois.Count != expected.Count)
        {
            throw new SegmentationReadBackException($"read-back check of '{path}' failed: {rtss.Rois.Count} ROIs written, {expected.Count} meant");
        }
        var planes = new SlicePlanes(series);
        for (var i = 0; i < expected.Count; i++)
        {
            var (label, mask) = expected[i];
            var want = MaskFigures.Of(mask);
            var found = MaskFigures.Of(Rasterise(rtss.Rois[i], mask, planes, series, path));
            if (!want.Matches(found, CentroidTolerance))
            {
                throw new SegmentationReadBackException(path, i + 1, label, want, found);
            }
        }
    }

    /// <summary>The ROI's contours filled on the grid of <paramref name="like"/>.</summary>
    internal static Volume<byte> Rasterise(RtStructureSetRoi roi, Volume<byte> like, SlicePlanes planes, DicomSeries series, string path)
    {
        var tolerance = Math.Max(0.01, 0.25 * (series.Geometry?.Spacing.Z ?? 1));
        var perSlice = new Dictionary<int, List<PlanarContour>>();
        foreach (var contour in roi.Contours)
        {
            if (contour.GeometricType != "CLOSED_PLANAR" || contour.Points.Length < 9)
            {
                throw new SegmentationReadBackException($"read-back check of '{path}' failed: ROI '{roi.Name}' has a {contour.GeometricType} contour of {contour.Points.Length / 3} points");
            }
            var (k, distance) = planes.Nearest(new DicomVector3(contour.Points[0], contour.Points[1], contour.Points[2]));
            if (distance > tolerance || (contour.ReferencedSopInstanceUid is { } uid && uid != series.Slices[k].SopInstanceUid))
            {
                throw new SegmentationReadBackException($"read-back check of '{path}' failed: a contour of ROI '{roi.Name}' lies {distance:F3} mm from the nearest slice ({k}) or references another image");
            }
            var xy = new double[contour.Points.Length / 3 * 2];
            for (var p = 0; p < contour.Points.Length / 3; p++)
            {
                (xy[2 * p], xy[(2 * p) + 1]) = planes.ToPixel(new DicomVector3(contour.Points[3 * p], contour.Points[(3 * p) + 1], contour.Points[(3 * p) + 2]), k);
            }
            if (!perSlice.TryGetValue(k, out var list))
            {
                perSlice[k] = list = [];
            }
            list.Add(new PlanarContour(xy));
        }
        var volume = like.CreateLike<byte>();
        foreach (var (k, contours) in perSlice)
        {
            ContourRasterizer.Fill(contours, volume.Slice(k), volume.Width, volume.Height);
        }
        return volume;
    }
}
