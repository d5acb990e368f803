using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// AVX-512 stride-4 (de)interleaving of 64 floats: pixel rows ↔ per-tile lanes (16 tiles of 4 pixels), for the
/// wide Winograd transforms. Only used when <see cref="Avx512F"/> is supported.
/// </summary>
internal static unsafe class Interleave16
{
    private static readonly Vector512<int> Even = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    private static readonly Vector512<int> Odd = Vector512.Create(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
    private static readonly Vector512<int> Low = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    private static readonly Vector512<int> Shift = Vector512.Create(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    private static readonly Vector512<float> Iota = Vector512.Create(0f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    private static readonly Vector512<int> High = Vector512.Create(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);

    /// <summary>p[k][l] = x[4·l + k] for l &lt; 16, k &lt; 4 (reads 64 floats).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Split(float* x, out Vector512<float> p0, out Vector512<float> p1, out Vector512<float> p2, out Vector512<float> p3)
    {
        Vector512<float> v0 = Vector512.Load(x), v1 = Vector512.Load(x + 16), v2 = Vector512.Load(x + 32), v3 = Vector512.Load(x + 48);
        var a0 = Avx512F.PermuteVar16x32x2(v0, Even, v1);
        var a1 = Avx512F.PermuteVar16x32x2(v0, Odd, v1);
        var b0 = Avx512F.PermuteVar16x32x2(v2, Even, v3);
        var b1 = Avx512F.PermuteVar16x32x2(v2, Odd, v3);
        p0 = Avx512F.PermuteVar16x32x2(a0, Even, b0);
        p2 = Avx512F.PermuteVar16x32x2(a0, Odd, b0);
        p1 = Avx512F.PermuteVar16x32x2(a1, Even, b1);
        p3 = Avx512F.PermuteVar16x32x2(a1, Odd, b1);
    }

    /// <summary>
    /// <see cref="Split"/> where only x[lo..hi) may be read (the rest counts as zero): masked loads, which neither
    /// touch nor fault on the masked-off addresses, so windows over the image border need no padded copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SplitMasked(float* x, int lo, int hi, out Vector512<float> p0, out Vector512<float> p1,
        out Vector512<float> p2, out Vector512<float> p3)
    {
        Vector512<float> low = Vector512.Create((float)lo), high = Vector512.Create((float)hi);
        Vector512<float> v0 = Masked(x, 0, low, high), v1 = Masked(x, 16, low, high);
        Vector512<float> v2 = Masked(x, 32, low, high), v3 = Masked(x, 48, low, high);
        var a0 = Avx512F.PermuteVar16x32x2(v0, Even, v1);
        var a1 = Avx512F.PermuteVar16x32x2(v0, Odd, v1);
        var b0 = Avx512F.PermuteVar16x32x2(v2, Even, v3);
        var b1 = Avx512F.PermuteVar16x32x2(v2, Odd, v3);
        p0 = Avx512F.PermuteVar16x32x2(a0, Even, b0);
        p2 = Avx512F.PermuteVar16x32x2(a0, Odd, b0);
        p1 = Avx512F.PermuteVar16x32x2(a1, Even, b1);
        p3 = Avx512F.PermuteVar16x32x2(a1, Odd, b1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Masked(float* x, int offset, Vector512<float> low, Vector512<float> high)
    {
        var index = Iota + Vector512.Create((float)offset);
        var mask = Vector512.GreaterThanOrEqual(index, low) & Vector512.LessThan(index, high);
        return Avx512F.MaskLoad(x + offset, mask, Vector512<float>.Zero);
    }

    /// <summary>(p[1], …, p[15], next): the lanes of a phase vector moved to the next tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ShiftIn(Vector512<float> p, float next) =>
        Avx512F.PermuteVar16x32x2(p, Shift, Vector512.Create(next));

    /// <summary>x[4·l + k] = p[k][l] for l &lt; 16, k &lt; 4 (writes 64 floats).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Merge(Vector512<float> p0, Vector512<float> p1, Vector512<float> p2, Vector512<float> p3, float* x)
    {
        var a0 = Avx512F.PermuteVar16x32x2(p0, Low, p2);
        var b0 = Avx512F.PermuteVar16x32x2(p0, High, p2);
        var a1 = Avx512F.PermuteVar16x32x2(p1, Low, p3);
        var b1 = Avx512F.PermuteVar16x32x2(p1, High, p3);
        Avx512F.PermuteVar16x32x2(a0, Low, a1).Store(x);
        Avx512F.PermuteVar16x32x2(a0, High, a1).Store(x + 16);
        Avx512F.PermuteVar16x32x2(b0, Low, b1).Store(x + 32);
        Avx512F.PermuteVar16x32x2(b0, High, b1).Store(x + 48);
    }
}
