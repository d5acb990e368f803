using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PipelineSeg.Dicom;

/// <summary>
/// AVX2 kernel for 16-bit stored values → float modality values (the CT/MR hot path). With <c>stream</c> the floats go
/// out with non-temporal stores: a volume is far larger than the caches and is not read back right away, so skipping
/// the read-for-ownership of every destination line saves a quarter of the memory traffic. Callers keep a portable path
/// for the elements this does not handle (no AVX2, unaligned head, tail).
/// </summary>
internal static class WideningConverter
{
    /// <summary>True when <see cref="Convert16"/> can do any work on this machine.</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// Converts elements [<paramref name="start"/>, returned end) of <paramref name="source"/> (end is 0 when nothing was
    /// done); the caller converts the head before <paramref name="start"/> (a few elements skipped so that streamed
    /// stores are aligned) and the tail after the end.
    /// </summary>
    public static unsafe int Convert16(ReadOnlySpan<ushort> source, int shiftLeft, int shiftRight, bool signed, float slope,
        float intercept, Span<float> destination, bool stream, out int start)
    {
        start = 0;
        if (!Avx2.IsSupported || source.Length < 64)
        {
            return 0;
        }
        fixed (ushort* src = source)
        fixed (float* dst = destination)
        {
            if (stream)
            {
                // Non-temporal stores need 32-byte aligned addresses; floats are 4-byte aligned, so at most 7 to skip.
                var misaligned = (int)(((nuint)dst & 31) / 4);
                start = misaligned == 0 ? 0 : 8 - misaligned;
                if (((nuint)dst & 3) != 0)
                {
                    stream = false;
                    start = 0;
                }
            }
            var vSlope = Vector256.Create(slope);
            var vIntercept = Vector256.Create(intercept);
            var i = start;
            var end = start + ((source.Length - start) & ~15);
            for (; i < end; i += 16)
            {
                var (lo, hi) = Vector256.Widen(Vector256.Load(src + i));
                var a = Vector256.ShiftLeft(lo.AsInt32(), shiftLeft);
                var b = Vector256.ShiftLeft(hi.AsInt32(), shiftLeft);
                if (signed)
                {
                    a = Vector256.ShiftRightArithmetic(a, shiftRight);
                    b = Vector256.ShiftRightArithmetic(b, shiftRight);
                }
                else
                {
                    a = Vector256.ShiftRightLogical(a.AsUInt32(), shiftRight).AsInt32();
                    b = Vector256.ShiftRightLogical(b.AsUInt32(), shiftRight).AsInt32();
                }
                var fa = (Vector256.ConvertToSingle(a) * vSlope) + vIntercept;
                var fb = (Vector256.ConvertToSingle(b) * vSlope) + vIntercept;
                if (stream)
                {
                    Avx.StoreAlignedNonTemporal(dst + i, fa);
                    Avx.StoreAlignedNonTemporal(dst + i + 8, fb);
                }
                else
                {
                    fa.Store(dst + i);
                    fb.Store(dst + i + 8);
                }
            }
            if (stream)
            {
                Sse.StoreFence(); // make the streamed stores visible before other threads read the volume
            }
            return end;
        }
    }
}
