namespace PipelineSeg.Comparison.Datasets;

/// <summary>
/// Where one split's images and masks are (dataset.json <c>splits.&lt;name&gt;</c>): paths relative to dataset.json for
/// npy, NIfTI and DICOM; dataset names inside <see cref="File"/> for HDF5.
/// </summary>
public sealed class SplitSource
{
    /// <summary>The HDF5 file (HDF5 only).</summary>
    public string? File { get; init; }

    /// <summary>Images: an .npy file, an HDF5 dataset name, a NIfTI folder, or a folder of DICOM case folders.</summary>
    public string Images { get; init; } = string.Empty;

    /// <summary>Masks: as <see cref="Images"/>; for DICOM optional (then each case folder holds a DICOM-SEG).</summary>
    public string? Masks { get; init; }
}
