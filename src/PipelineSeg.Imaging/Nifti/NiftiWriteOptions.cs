namespace PipelineSeg.Imaging.Nifti;

/// <summary>Optional header values for <see cref="NiftiFile.WriteAsync{T}"/>.</summary>
public sealed record NiftiWriteOptions
{
    /// <summary>scl_slope written to the header (values are stored unscaled).</summary>
    public float SclSlope { get; init; } = 1;

    /// <summary>scl_inter written to the header.</summary>
    public float SclInter { get; init; }

    /// <summary>qform_code (1 = scanner anatomical, as dcm2niix writes).</summary>
    public short QformCode { get; init; } = 1;

    /// <summary>sform_code (1 = scanner anatomical).</summary>
    public short SformCode { get; init; } = 1;

    /// <summary>descrip field.</summary>
    public string Description { get; init; } = "PipelineSeg";
}
