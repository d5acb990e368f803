namespace PipelineSeg.Imaging.Nifti;

/// <summary>Maps NIfTI datatype codes to element sizes and .NET types.</summary>
public static class NiftiDataTypes
{
    /// <summary>Bytes per voxel of a datatype.</summary>
    public static int SizeOf(NiftiDataType type) => type switch
    {
        NiftiDataType.UInt8 or NiftiDataType.Int8 => 1,
        NiftiDataType.Int16 or NiftiDataType.UInt16 => 2,
        NiftiDataType.Int32 or NiftiDataType.UInt32 or NiftiDataType.Float32 => 4,
        NiftiDataType.Float64 or NiftiDataType.Int64 or NiftiDataType.UInt64 => 8,
        _ => throw new NotSupportedException($"NIfTI datatype {(int)type} is not supported"),
    };

    /// <summary>True when the code is one PipelineSeg supports.</summary>
    public static bool IsSupported(short code) => Enum.IsDefined(typeof(NiftiDataType), code);

    /// <summary>The NIfTI datatype that stores T exactly.</summary>
    public static NiftiDataType For<T>() where T : unmanaged
    {
        var t = typeof(T);
        if (t == typeof(byte)) { return NiftiDataType.UInt8; }
        if (t == typeof(sbyte)) { return NiftiDataType.Int8; }
        if (t == typeof(short)) { return NiftiDataType.Int16; }
        if (t == typeof(ushort)) { return NiftiDataType.UInt16; }
        if (t == typeof(int)) { return NiftiDataType.Int32; }
        if (t == typeof(uint)) { return NiftiDataType.UInt32; }
        if (t == typeof(long)) { return NiftiDataType.Int64; }
        if (t == typeof(ulong)) { return NiftiDataType.UInt64; }
        if (t == typeof(float)) { return NiftiDataType.Float32; }
        if (t == typeof(double)) { return NiftiDataType.Float64; }
        throw new NotSupportedException($"no NIfTI datatype for {t.Name}");
    }
}
