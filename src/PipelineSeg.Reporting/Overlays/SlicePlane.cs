namespace PipelineSeg.Reporting.Overlays;

/// <summary>The plane an overlay shows: the acquired axial slices, or a coronal or sagittal reformat of the volume.</summary>
public enum SlicePlane
{
    /// <summary>One acquired slice (index = z).</summary>
    Axial,

    /// <summary>A reformat at fixed row (index = y), superior at the top.</summary>
    Coronal,

    /// <summary>A reformat at fixed column (index = x), superior at the top.</summary>
    Sagittal,
}
