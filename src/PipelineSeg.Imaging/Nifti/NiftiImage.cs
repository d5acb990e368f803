using System.Numerics;
using System.Runtime.InteropServices;

namespace PipelineSeg.Imaging.Nifti;

/// <summary>A NIfTI-1 volume as stored: header, geometry (LPS) and the stored voxel values (native byte order).</summary>
public sealed class NiftiImage
{
    internal NiftiImage(NiftiHeader header, VolumeSize size, VolumeGeometry geometry, byte[] data)
    {
        Header = header;
        Size = size;
        Geometry = geometry;
        Data = data;
    }

    /// <summary>Parsed header.</summary>
    public NiftiHeader Header { get; }

    /// <summary>Voxel counts (dim[1..3]).</summary>
    public VolumeSize Size { get; }

    /// <summary>Geometry in LPS (from nibabel's best affine, converted RAS→LPS).</summary>
    public VolumeGeometry Geometry { get; }

    /// <summary>Stored voxel values, native byte order, x fastest.</summary>
    public byte[] Data { get; }

    /// <summary>Stored datatype.</summary>
    public NiftiDataType DataType => Header.DataType;

    /// <summary>
    /// Voxel values as T. With <paramref name="applyScaling"/>, scl_slope/scl_inter are applied (values rounded when T is an integer type);
    /// without, stored values are converted (exact when T is the stored type). Out-of-range values saturate.
    /// </summary>
    public Volume<T> ToVolume<T>(bool applyScaling = true) where T : unmanaged, INumber<T>
    {
        var volume = new Volume<T>(Size, Geometry);
        var (slope, inter) = applyScaling ? Header.Scaling : (1.0, 0.0);
        var dst = volume.Span;
        switch (DataType)
        {
            case NiftiDataType.UInt8: Convert(MemoryMarshal.Cast<byte, byte>(Data), dst, slope, inter); break;
            case NiftiDataType.Int8: Convert(MemoryMarshal.Cast<byte, sbyte>(Data), dst, slope, inter); break;
            case NiftiDataType.Int16: Convert(MemoryMarshal.Cast<byte, short>(Data), dst, slope, inter); break;
            case NiftiDataType.UInt16: Convert(MemoryMarshal.Cast<byte, ushort>(Data), dst, slope, inter); break;
            case NiftiDataType.Int32: Convert(MemoryMarshal.Cast<byte, int>(Data), dst, slope, inter); break;
            case NiftiDataType.UInt32: Convert(MemoryMarshal.Cast<byte, uint>(Data), dst, slope, inter); break;
            case NiftiDataType.Int64: Convert(MemoryMarshal.Cast<byte, long>(Data), dst, slope, inter); break;
            case NiftiDataType.UInt64: Convert(MemoryMarshal.Cast<byte, ulong>(Data), dst, slope, inter); break;
            case NiftiDataType.Float32: Convert(MemoryMarshal.Cast<byte, float>(Data), dst, slope, inter); break;
            case NiftiDataType.Float64: Convert(MemoryMarshal.Cast<byte, double>(Data), dst, slope, inter); break;
            default: throw new NotSupportedException($"NIfTI datatype {DataType}");
        }
        return volume;
    }

    /// <summary>Label volume: scaled values rounded to bytes; throws when a value is outside 0..255 or not an integer.</summary>
    public Volume<byte> ToLabels(string sourceName)
    {
        var values = ToVolume<double>();
        var labels = new Volume<byte>(Size, Geometry);
        var src = values.Span;
        var dst = labels.Span;
        for (var i = 0; i < src.Length; i++)
        {
            var v = src[i];
            if (v < 0 || v > 255 || Math.Abs(v - Math.Round(v)) > 1e-3)
            {
                throw new InvalidDataException($"{sourceName}: voxel value {v} is not a label 0..255");
            }
            dst[i] = (byte)Math.Round(v);
        }
        return labels;
    }

    private static void Convert<TFrom, T>(ReadOnlySpan<TFrom> src, Span<T> dst, double slope, double inter)
        where TFrom : unmanaged, INumber<TFrom>
        where T : unmanaged, INumber<T>
    {
        if (slope == 1 && inter == 0)
        {
            if (typeof(TFrom) == typeof(T))
            {
                MemoryMarshal.Cast<TFrom, T>(src).CopyTo(dst);
                return;
            }
            var integral = IsIntegral<T>() && !IsIntegral<TFrom>();
            for (var i = 0; i < src.Length; i++)
            {
                dst[i] = integral ? T.CreateSaturating(Math.Round(double.CreateTruncating(src[i]))) : T.CreateSaturating(src[i]);
            }
            return;
        }
        var round = IsIntegral<T>();
        for (var i = 0; i < src.Length; i++)
        {
            var v = (double.CreateTruncating(src[i]) * slope) + inter;
            dst[i] = T.CreateSaturating(round ? Math.Round(v) : v);
        }
    }

    private static bool IsIntegral<T>() => typeof(T) != typeof(float) && typeof(T) != typeof(double) && typeof(T) != typeof(Half);
}
