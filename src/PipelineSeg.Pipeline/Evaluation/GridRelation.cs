namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>How two voxel grids relate.</summary>
public enum GridRelation
{
    /// <summary>Same size, origin, spacing and direction.</summary>
    Same,

    /// <summary>The same voxel centres with axes flipped or permuted (e.g. NIfTI from dcm2niix against the DICOM series): exact reordering.</summary>
    Reoriented,

    /// <summary>Different grids: only resampling can compare them.</summary>
    Different,
}
