using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Nifti;

namespace PipelineSeg.Pipeline.Conversion;

/// <summary>
/// Writes a DICOM-derived volume as NIfTI the way dcm2niix does: rows flipped (so the first NIfTI row is the last DICOM
/// row, with the affine adjusted to the same world positions), slices in ascending order along the normal, and the
/// narrowest integer type that holds every value exactly (float32 otherwise).
/// </summary>
public static class NiftiExport
{
    /// <summary>Writes <paramref name="volume"/> to <paramref name="path"/> (.nii or .nii.gz).</summary>
    public static async Task WriteAsync(Volume<float> volume, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var flipped = FlipRows(volume);
        switch (NarrowestType(flipped.Span))
        {
            case NiftiDataType.UInt8: await NiftiFile.WriteAsync(path, Cast<byte>(flipped), null, cancellationToken).ConfigureAwait(false); break;
            case NiftiDataType.Int16: await NiftiFile.WriteAsync(path, Cast<short>(flipped), null, cancellationToken).ConfigureAwait(false); break;
            case NiftiDataType.UInt16: await NiftiFile.WriteAsync(path, Cast<ushort>(flipped), null, cancellationToken).ConfigureAwait(false); break;
            case NiftiDataType.Int32: await NiftiFile.WriteAsync(path, Cast<int>(flipped), null, cancellationToken).ConfigureAwait(false); break;
            default: await NiftiFile.WriteAsync(path, flipped, null, cancellationToken).ConfigureAwait(false); break;
        }
    }

    /// <summary>Reverses the row order and moves the origin to the last row so every voxel keeps its world position.</summary>
    public static Volume<T> FlipRows<T>(Volume<T> volume) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        var geometry = new VolumeGeometry(
            g.IndexToWorld(0, volume.Height - 1, 0),
            g.Spacing,
            Matrix3.FromColumns(g.Direction.Column(0), -g.Direction.Column(1), g.Direction.Column(2)));
        var result = new Volume<T>(volume.Size, geometry);
        for (var z = 0; z < volume.Depth; z++)
        {
            for (var y = 0; y < volume.Height; y++)
            {
                volume.Row(z, y).CopyTo(result.Row(z, volume.Height - 1 - y));
            }
        }
        return result;
    }

    /// <summary>The narrowest of uint8, int16, uint16, int32 that holds all values exactly; float32 when none does.</summary>
    public static NiftiDataType NarrowestType(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            return NiftiDataType.UInt8;
        }
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (var v in values)
        {
            if (v != MathF.Floor(v))
            {
                return NiftiDataType.Float32;
            }
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (min >= 0 && max <= byte.MaxValue)
        {
            return NiftiDataType.UInt8;
        }
        if (min >= short.MinValue && max <= short.MaxValue)
        {
            return NiftiDataType.Int16;
        }
        if (min >= 0 && max <= ushort.MaxValue)
        {
            return NiftiDataType.UInt16;
        }
        return min >= int.MinValue && max <= int.MaxValue ? NiftiDataType.Int32 : NiftiDataType.Float32;
    }

    private static Volume<T> Cast<T>(Volume<float> volume) where T : unmanaged, System.Numerics.INumber<T>
    {
        var result = volume.CreateLike<T>();
        var src = volume.Span;
        var dst = result.Span;
        for (var i = 0; i < src.Length; i++)
        {
            dst[i] = T.CreateTruncating(src[i]);
        }
        return result;
    }
}
