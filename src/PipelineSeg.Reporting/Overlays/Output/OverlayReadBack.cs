using PipelineSeg.Dicom;
using PipelineSeg.Dicom.SecondaryCapture;

namespace PipelineSeg.Reporting.Overlays.Output;

/// <summary>
/// Reopens every written overlay image with our reader and compares it with what was meant: one file per frame, the
/// SOP class, Rows × Columns, the source slice's position (0.01 mm), orientation and pixel spacing, the reference to
/// that slice, and the decoded RGB pixels byte for byte. A mismatch throws with the figures.
/// </summary>
public static class OverlayReadBack
{
    private const double ToleranceMm = 0.01;

    /// <summary>Checks <paramref name="files"/> (in frame order) against <paramref name="frames"/> of <paramref name="source"/>.</summary>
    public static void Verify(IReadOnlyList<string> files, DicomSeries source, IReadOnlyList<SecondaryCaptureFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(frames);
        if (files.Count != frames.Count)
        {
            throw new OverlayReadBackException($"overlay: {files.Count} files written for {frames.Count} images");
        }
        var geometry = source.Geometry ?? throw new OverlayReadBackException("overlay: the source series has no geometry to compare with");
        for (var k = 0; k < files.Count; k++)
        {
            var name = Path.GetFileName(files[k]);
            using var file = DicomFile.Open(files[k]);
            var ds = file.Dataset;
            var slice = source.Slices[frames[k].SliceIndex];
            Check(ds.GetString(DicomTags.SOPClassUID) == SopClasses.SecondaryCaptureImageStorage, name, "is not a Secondary Capture image");
            var (rows, columns) = (ds.GetInt32(DicomTags.Rows, 0), ds.GetInt32(DicomTags.Columns, 0));
            Check(rows == source.Rows && columns == source.Columns, name, $"is {rows}×{columns}, the source slice {source.Rows}×{source.Columns}");
            var frameGeometry = DicomFrameGeometry.Read(ds, 0);
            var position = slice.Position ?? geometry.SlicePosition(frames[k].SliceIndex);
            Check(frameGeometry.Position is { } p && Distance(p, position) <= ToleranceMm, name,
                $"lies at {frameGeometry.Position}, source slice {frames[k].SliceIndex} at {position}");
            Check(frameGeometry.RowDirection is { } r && Distance(r, geometry.RowDirection) <= 1e-4
                && frameGeometry.ColumnDirection is { } c && Distance(c, geometry.ColumnDirection) <= 1e-4, name, "has another orientation than the source");
            Check(frameGeometry.RowSpacing is { } rs && Math.Abs(rs - geometry.Spacing.Y) <= 1e-4
                && frameGeometry.ColumnSpacing is { } cs && Math.Abs(cs - geometry.Spacing.X) <= 1e-4, name,
                $"has pixel spacing {frameGeometry.RowSpacing}\\{frameGeometry.ColumnSpacing}, source {geometry.Spacing.Y}\\{geometry.Spacing.X}");
            var reference = ds.GetFirstItem(DicomTags.SourceImageSequence);
            Check(reference?.GetString(DicomTags.ReferencedSOPInstanceUID) == slice.SopInstanceUid, name, "does not reference its source slice");
            var pixels = DicomPixelData.Create(file);
            var decoded = new byte[pixels.FrameLength];
            pixels.DecodeFrame(0, decoded);
            Check(decoded.AsSpan().SequenceEqual(frames[k].Rgb.Span), name, "pixels differ from the rendered overlay");
        }
    }

    private static double Distance(DicomVector3 a, DicomVector3 b) => (a - b).Length;

    private static void Check(bool ok, string file, string problem)
    {
        if (!ok)
        {
            throw new OverlayReadBackException($"overlay read-back: {file} {problem}");
        }
    }
}
