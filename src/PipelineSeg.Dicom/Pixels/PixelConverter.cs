using System.Numerics;
using System.Runtime.InteropServices;

namespace PipelineSeg.Dicom;

/// <summary>
/// Native frame bytes → float modality values: masks to Bits Stored, sign-extends from High Bit, applies the modality
/// transform. The 16-bit path (CT/MR) uses <see cref="Vector{T}"/>, which falls back to scalar code without SIMD.
/// </summary>
internal static class PixelConverter
{
    public static void ToFloat(ReadOnlySpan<byte> frame, int bitsAllocated, int bitsStored, int highBit, bool signed,
        ModalityTransform transform, Span<float> destination, bool stream = false)
    {
        var count = destination.Length;
        if (transform.Lut is null && bitsAllocated == 16)
        {
            Convert16(MemoryMarshal.Cast<byte, ushort>(frame)[..count], bitsStored, highBit, signed,
                (float)transform.Slope, (float)transform.Intercept, destination, stream);
            return;
        }
        var shiftLeft = 31 - highBit;
        var shiftRight = 32 - bitsStored;
        for (var i = 0; i < count; i++)
        {
            uint raw = bitsAllocated switch
            {
                8 => frame[i],
                16 => MemoryMarshal.Read<ushort>(frame[(i * 2)..]),
                32 => MemoryMarshal.Read<uint>(frame[(i * 4)..]),
                _ => (uint)((frame[i >> 3] >> (i & 7)) & 1),
            };
            var stored = signed ? (int)(raw << shiftLeft) >> shiftRight : (int)((raw << shiftLeft) >> shiftRight);
            destination[i] = transform.Apply(stored);
        }
    }

    private static void Convert16(ReadOnlySpan<ushort> source, int bitsStored, int highBit, bool signed, float slope,
        float intercept, Span<float> destination, bool stream)
    {
        var shiftLeft = 31 - highBit;
        var shiftRight = 32 - bitsStored;
        var i = 0;
        var end = WideningConverter.Convert16(source, shiftLeft, shiftRight, signed, slope, intercept, destination, stream, out var start);
        if (end > 0)
        {
            ConvertScalar(source[..start], shiftLeft, shiftRight, signed, slope, intercept, destination);
            i = end;
        }
        else if (Vector.IsHardwareAccelerated && source.Length >= Vector<ushort>.Count)
        {
            var vSlope = new Vector<float>(slope);
            var vIntercept = new Vector<float>(intercept);
            var ints = Vector<int>.Count;
            for (; i <= source.Length - Vector<ushort>.Count; i += Vector<ushort>.Count)
            {
                var v = new Vector<ushort>(source[i..]);
                Vector.Widen(v, out var lo, out var hi);
                var a = Vector.AsVectorInt32(lo);
                var b = Vector.AsVectorInt32(hi);
                a = Vector.ShiftLeft(a, shiftLeft);
                b = Vector.ShiftLeft(b, shiftLeft);
                if (signed)
                {
                    a = Vector.ShiftRightArithmetic(a, shiftRight);
                    b = Vector.ShiftRightArithmetic(b, shiftRight);
                }
                else
                {
                    a = Vector.AsVectorInt32(Vector.ShiftRightLogical(Vector.AsVectorUInt32(a), shiftRight));
                    b = Vector.AsVectorInt32(Vector.ShiftRightLogical(Vector.AsVectorUInt32(b), shiftRight));
                }
                (Vector.ConvertToSingle(a) * vSlope + vIntercept).CopyTo(destination[i..]);
                (Vector.ConvertToSingle(b) * vSlope + vIntercept).CopyTo(destination[(i + ints)..]);
            }
        }
        ConvertScalar(source[i..], shiftLeft, shiftRight, signed, slope, intercept, destination[i..]);
    }

    private static void ConvertScalar(ReadOnlySpan<ushort> source, int shiftLeft, int shiftRight, bool signed, float slope,
        float intercept, Span<float> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            uint raw = source[i];
            var stored = signed ? (int)(raw << shiftLeft) >> shiftRight : (int)((raw << shiftLeft) >> shiftRight);
            destination[i] = (stored * slope) + intercept;
        }
    }
}
