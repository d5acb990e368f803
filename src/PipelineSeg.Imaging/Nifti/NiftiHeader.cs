namespace PipelineSeg.Imaging.Nifti;

/// <summary>The NIfTI-1 header fields PipelineSeg uses (all others are written as zero).</summary>
public sealed class NiftiHeader
{
    /// <summary>dim[0..7].</summary>
    public short[] Dim { get; } = new short[8];

    /// <summary>pixdim[0..7]; pixdim[0] is qfac.</summary>
    public float[] PixDim { get; } = new float[8];

    /// <summary>Voxel datatype.</summary>
    public NiftiDataType DataType { get; set; }

    /// <summary>Offset of voxel data in the file.</summary>
    public float VoxOffset { get; set; } = 352;

    /// <summary>scl_slope (0 or NaN = no scaling).</summary>
    public float SclSlope { get; set; } = 1;

    /// <summary>scl_inter.</summary>
    public float SclInter { get; set; }

    /// <summary>xyzt_units.</summary>
    public byte XyztUnits { get; set; } = 10;

    /// <summary>qform_code.</summary>
    public short QformCode { get; set; }

    /// <summary>sform_code.</summary>
    public short SformCode { get; set; }

    /// <summary>quatern_b, quatern_c, quatern_d.</summary>
    public float[] Quatern { get; } = new float[3];

    /// <summary>qoffset_x, qoffset_y, qoffset_z.</summary>
    public float[] QOffset { get; } = new float[3];

    /// <summary>srow_x, srow_y, srow_z (12 values, row-major).</summary>
    public float[] SRow { get; } = new float[12];

    /// <summary>cal_min.</summary>
    public float CalMin { get; set; }

    /// <summary>cal_max.</summary>
    public float CalMax { get; set; }

    /// <summary>descrip (up to 79 ASCII characters).</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>True when the file was big-endian.</summary>
    public bool BigEndian { get; set; }

    /// <summary>True when scl_slope/scl_inter change values (slope not 0/NaN and not the identity).</summary>
    public bool HasScaling =>
        SclSlope != 0 && !float.IsNaN(SclSlope) && !(SclSlope == 1 && (SclInter == 0 || float.IsNaN(SclInter)));

    /// <summary>Effective slope and intercept.</summary>
    public (double Slope, double Intercept) Scaling =>
        HasScaling ? (SclSlope, float.IsNaN(SclInter) ? 0 : SclInter) : (1, 0);
}
