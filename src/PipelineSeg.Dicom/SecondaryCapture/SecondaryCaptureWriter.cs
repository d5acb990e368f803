namespace PipelineSeg.Dicom.SecondaryCapture;

/// <summary>
/// Writes an RGB Secondary Capture series beside a source series: one single-frame image per given source slice, in
/// the source study, each carrying that slice's geometry and a Source Image reference to it.
/// </summary>
public static class SecondaryCaptureWriter
{
    /// <summary>
    /// Writes <paramref name="frames"/> into <paramref name="folder"/> as <c>SC0001.dcm</c>, … (created if missing) and
    /// returns the file paths in frame order and the Series Instance UID.
    /// </summary>
    public static (IReadOnlyList<string> Files, string SeriesInstanceUid) Write(string folder, DicomSeries source,
        IReadOnlyList<SecondaryCaptureFrame> frames, SecondaryCaptureOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(options);
        if (frames.Count == 0)
        {
            throw new ArgumentException("a Secondary Capture series needs at least one image", nameof(frames));
        }
        var expected = 3L * source.Rows * source.Columns;
        foreach (var frame in frames)
        {
            if (frame.SliceIndex < 0 || frame.SliceIndex >= source.Slices.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(frames), $"slice {frame.SliceIndex} is outside the series' {source.Slices.Count} slices");
            }
            if (frame.Rgb.Length != expected)
            {
                throw new ArgumentException($"image for slice {frame.SliceIndex} has {frame.Rgb.Length} bytes; {source.Rows}×{source.Columns} RGB needs {expected}", nameof(frames));
            }
        }
        Directory.CreateDirectory(folder);
        var seriesUid = options.SeriesInstanceUid ?? DicomUid.Generate();
        var now = DateTime.Now;
        var files = new List<string>(frames.Count);
        for (var k = 0; k < frames.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slice = source.Slices[frames[k].SliceIndex];
            using var sourceFile = DicomFile.Open(slice.FilePath, DicomReadOptions.HeaderOnly);
            var dataset = SecondaryCaptureDatasetBuilder.Build(sourceFile.Dataset, source, frames[k].SliceIndex, source.Rows, source.Columns, frames[k].Rgb,
                options, seriesUid, k + 1, now);
            var path = Path.Combine(folder, $"SC{k + 1:D4}.dcm");
            DicomWriter.WriteFile(path, dataset);
            files.Add(path);
        }
        return (files, seriesUid);
    }
}
