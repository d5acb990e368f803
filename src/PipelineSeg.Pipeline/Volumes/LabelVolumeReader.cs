using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Labels;
using PipelineSeg.Imaging.Nifti;

namespace PipelineSeg.Pipeline.Volumes;

/// <summary>
/// Reads label volumes from a NIfTI file (.nii, .nii.gz), a DICOM-SEG file (segment number = label), or a DICOM series of
/// mask images (a folder or file; non-zero = foreground = 1, like 3D-IRCADb's MASKS_DICOM).
/// </summary>
public static class LabelVolumeReader
{
    /// <summary>True when the path holds a DICOM-SEG (a SEG file, or a folder whose only instances are one SEG).</summary>
    public static async Task<bool> IsSegmentationAsync(string path, CancellationToken cancellationToken = default)
    {
        if (IsNifti(path))
        {
            return false;
        }
        var scan = await DicomSeriesScanner.ScanPathAsync(path, cancellationToken).ConfigureAwait(false);
        return scan.Series.Count == 1 && SopClasses.IsSegmentation(scan.Series[0].SopClassUid);
    }

    /// <summary>
    /// Reads the labels at <paramref name="path"/>. A DICOM-SEG is placed on <paramref name="referenceGrid"/> when one is
    /// given (frames must fall on its slices), otherwise on the grid spanned by its own frames.
    /// </summary>
    public static async Task<LabelVolume> ReadAsync(string path, Volume<byte>? referenceGrid = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist", path);
        }
        if (IsNifti(path))
        {
            var image = await NiftiFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            return new LabelVolume(image.ToLabels(path), new Dictionary<int, string>(), "nifti", path);
        }
        var scan = await DicomSeriesScanner.ScanPathAsync(path, cancellationToken).ConfigureAwait(false);
        var segs = scan.Series.Where(s => SopClasses.IsSegmentation(s.SopClassUid)).ToList();
        var images = scan.Series.Where(s => !SopClasses.IsSegmentation(s.SopClassUid) && s.Rows > 0).ToList();
        if (segs.Count == 1 && images.Count == 0)
        {
            return ReadSegmentation(segs[0].Slices[0].FilePath, referenceGrid);
        }
        if (images.Count == 1 && segs.Count == 0)
        {
            var mask = await DicomVolumeLoader.LoadMaskAsync(images[0], 1, cancellationToken).ConfigureAwait(false);
            return new LabelVolume(mask, new Dictionary<int, string>(), "dicom-mask", path);
        }
        var skipped = scan.Skipped.Count > 0 ? $"; {scan.Skipped.Count} files skipped (e.g. {scan.Skipped[0].FilePath}: {scan.Skipped[0].Reason})" : string.Empty;
        throw new InvalidDataException(
            $"'{path}' holds {images.Count} image series and {segs.Count} DICOM-SEG objects; expected exactly one label source{skipped}");
    }

    private static LabelVolume ReadSegmentation(string file, Volume<byte>? referenceGrid)
    {
        var seg = SegmentationReader.Read(file);
        var geometry = referenceGrid is not null
            ? DicomVolumeAdapter.ToDicomGeometry(referenceGrid)
            : seg.OwnGeometry() ?? throw new InvalidDataException($"{file}: SEG frames have no positions; evaluate it against a volume with the source grid");
        var masks = DicomVolumeAdapter.SegmentMasks(seg, geometry);
        var grid = new Volume<byte>(DicomVolumeAdapter.SizeOf(geometry), DicomVolumeAdapter.ToVolumeGeometry(geometry));
        var labels = LabelMasks.Merge(grid, masks.Select(m => ((byte)m.Key, m.Value)));
        var names = seg.Segments.Where(s => s.Number is > 0 and < 256).ToDictionary(s => s.Number, s => s.Label);
        return new LabelVolume(labels, names, "dicom-seg", file) { SegmentMasks = masks };
    }

    private static bool IsNifti(string path) =>
        path.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase);
}
