namespace PipelineSeg.Imaging.Nifti;

/// <summary>NIfTI-1 datatype codes (nifti1.h) that PipelineSeg reads and writes.</summary>
public enum NiftiDataType : short
{
    /// <summary>Unsigned 8-bit.</summary>
    UInt8 = 2,

    /// <summary>Signed 16-bit.</summary>
    Int16 = 4,

    /// <summary>Signed 32-bit.</summary>
    Int32 = 8,

    /// <summary>IEEE single.</summary>
    Float32 = 16,

    /// <summary>IEEE double.</summary>
    Float64 = 64,

    /// <summary>Signed 8-bit.</summary>
    Int8 = 256,

    /// <summary>Unsigned 16-bit.</summary>
    UInt16 = 512,

    /// <summary>Unsigned 32-bit.</summary>
    UInt32 = 768,

    /// <summary>Signed 64-bit.</summary>
    Int64 = 1024,

    /// <summary>Unsigned 64-bit.</summary>
    UInt64 = 1280,
}
