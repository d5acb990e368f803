using PipelineSeg.Dicom;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Evaluation;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Reporting.Overlays.Loading;

/// <summary>
/// Builds an <see cref="OverlayScene"/> from files: one DICOM image series, and optionally a segmentation and a ground
/// truth (DICOM-SEG, NIfTI or mask series) placed on its grid. Segments are named from the SEG where it names them and
/// coloured like our SEGs colour segments without a manifest colour (<see cref="SegmentColors"/>).
/// Every failure is an <see cref="OverlayInputException"/> naming the file and the cause.
/// </summary>
public static class OverlaySceneLoader
{
    /// <summary>Loads the scene; <paramref name="segmentation"/> and <paramref name="groundTruth"/> may be null.</summary>
    public static async Task<OverlayScene> LoadAsync(string seriesFolder, string? segmentation, string? groundTruth, DisplayWindow window,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seriesFolder);
        var image = await LoadImageAsync(seriesFolder, cancellationToken).ConfigureAwait(false);
        var grid = image.CreateLike<byte>();
        var predicted = segmentation is null ? null : await LoadLabelsAsync(segmentation, grid, cancellationToken).ConfigureAwait(false);
        var truth = groundTruth is null ? null : await LoadLabelsAsync(groundTruth, grid, cancellationToken).ConfigureAwait(false);
        var labels = new SortedSet<int>();
        var names = new Dictionary<int, string>();
        foreach (var volume in new[] { predicted, truth }.OfType<LabelVolume>())
        {
            labels.UnionWith(volume.DeclaredLabels().Where(l => l is > 0 and < 256));
            foreach (var (label, name) in volume.SegmentNames)
            {
                names.TryAdd(label, name);
            }
        }
        var classes = labels.Select(l => new SegmentClass { Index = l, Label = names.GetValueOrDefault(l, $"segment {l}") }).ToList();
        var colors = SegmentColors.For(classes);
        var segments = classes.Select((c, k) => new OverlaySegment((byte)c.Index, c.Label, colors[k])).ToList();
        return new OverlayScene(image, predicted?.Labels, segments, window) { GroundTruth = truth?.Labels };
    }

    private static async Task<Volume<float>> LoadImageAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new OverlayInputException($"{folder}: not a folder (give the folder of one DICOM image series)");
        }
        var scan = await DicomSeriesScanner.ScanAsync(folder, cancellationToken).ConfigureAwait(false);
        var images = scan.Series.Where(s => !SopClasses.IsSegmentation(s.SopClassUid) && s.Rows > 0).ToList();
        if (images.Count == 0)
        {
            var why = scan.Skipped.Count > 0 ? $" ({scan.Skipped.Count} files skipped, e.g. {scan.Skipped[0].FilePath}: {scan.Skipped[0].Reason})" : string.Empty;
            throw new OverlayInputException($"{folder}: no DICOM image series found{why}");
        }
        if (images.Count > 1)
        {
            throw new OverlayInputException($"{folder}: holds {images.Count} image series; give the folder of one");
        }
        if (!images[0].IsVolume)
        {
            throw new OverlayInputException($"{folder}: the series is not a volume: {string.Join("; ", images[0].Problems)}");
        }
        try
        {
            return await DicomVolumeLoader.LoadImageAsync(images[0], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DicomException or InvalidDataException or IOException or NotSupportedException)
        {
            throw new OverlayInputException($"{folder}: pixel data cannot be read: {e.Message}", e);
        }
    }

    private static async Task<LabelVolume> LoadLabelsAsync(string path, Volume<byte> grid, CancellationToken cancellationToken)
    {
        LabelVolume volume;
        try
        {
            volume = await LabelVolumeReader.ReadAsync(path, grid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DicomException or InvalidDataException or IOException or NotSupportedException or FormatException or ArgumentException)
        {
            throw new OverlayInputException($"{path}: {e.Message}", e);
        }
        // a NIfTI (e.g. from `convert`) holds the same voxels with rows flipped: reorder exactly; another grid is refused
        return GridAlignment.Compare(volume.Labels, grid) switch
        {
            GridRelation.Same => volume,
            GridRelation.Reoriented => volume with { Labels = GridAlignment.OntoGrid(volume.Labels, grid) },
            _ => throw new OverlayInputException(
                $"{path}: labels ({volume.Labels.Size}, {volume.Labels.Geometry}) are not on the series' grid ({grid.Size}, {grid.Geometry})"),
        };
    }
}
