using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace PipelineSeg.Dicom.Codecs.Jpeg;

/// <summary>Writes decoded component planes into native Pixel Data layout (little-endian, honouring PlanarConfiguration).</summary>
internal static class SampleWriter
{
    /// <summary>
    /// Writes sample planes (each <paramref name="strides"/>[c] samples per line) as Rows × Columns pixels, each value
    /// of plane c shifted left by <paramref name="shifts"/>[c] (the lossless point transform).
    /// </summary>
    public static void Write(ushort[][] planes, int[] strides, PixelFrameInfo info, int[] shifts, Span<byte> destination)
    {
        int rows = info.Rows, columns = info.Columns, samples = info.SamplesPerPixel, bytes = info.BytesPerSample;
        var planar = info.PlanarConfiguration == 1 || samples == 1;
        for (var c = 0; c < samples; c++)
        {
            var plane = planes[c];
            var stride = strides[c];
            var shift = shifts[c];
            for (var y = 0; y < rows; y++)
            {
                var source = plane.AsSpan(y * stride, columns);
                var pixel = (long)y * columns;
                if (planar)
                {
                    var target = destination[(int)((((long)c * rows * columns) + pixel) * bytes)..];
                    WriteLine(source, target, bytes, 1, shift);
                }
                else
                {
                    var target = destination[(int)(((pixel * samples) + c) * bytes)..];
                    WriteLine(source, target, bytes, samples, shift);
                }
            }
        }
    }

    private static void WriteLine(ReadOnlySpan<ushort> source, Span<byte> target, int bytes, int step, int shift)
    {
        if (bytes == 2 && step == 1 && BitConverter.IsLittleEndian)
        {
            // The common grey-scale case: the plane line is already the native little-endian line.
            var words = MemoryMarshal.Cast<byte, ushort>(target[..(source.Length * 2)]);
            if (shift == 0)
            {
                source.CopyTo(words);
            }
            else
            {
                for (var x = 0; x < source.Length; x++)
                {
                    words[x] = (ushort)(source[x] << shift);
                }
            }
            return;
        }
        switch (bytes)
        {
            case 1:
                for (var x = 0; x < source.Length; x++)
                {
                    target[x * step] = (byte)(source[x] << shift);
                }
                break;
            case 2:
                for (var x = 0; x < source.Length; x++)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(target[(x * step * 2)..], (ushort)(source[x] << shift));
                }
                break;
            default:
                for (var x = 0; x < source.Length; x++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(target[(x * step * 4)..], (uint)(ushort)(source[x] << shift));
                }
                break;
        }
    }
}
