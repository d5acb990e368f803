using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// AVX stride-4 (de)interleaving of 32 floats, used by Winograd to move between pixel rows and per-tile lanes
/// (8 tiles of 4 pixels). Only used when <see cref="IsSupported"/>; callers keep a scalar path.
/// </summary>
internal static unsafe class Interleave4
{
    /// <summary>AVX is available and <see cref="Vector{T}"/> is 8 floats wide.</summary>
    public static readonly bool IsSupported = Avx.IsSupported && Vector<float>.Count == 8;

    /// <summary>p[k][l] = x[4·l + k] for l &lt; 8, k &lt; 4 (reads 32 floats).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Split(float* x, out Vector<float> p0, out Vector<float> p1, out Vector<float> p2, out Vector<float> p3)
    {
        Vector256<float> v0 = Avx.LoadVector256(x), v1 = Avx.LoadVector256(x + 8);
        Vector256<float> v2 = Avx.LoadVector256(x + 16), v3 = Avx.LoadVector256(x + 24);
        var w0 = Avx.Permute2x128(v0, v2, 0x20);
        var w1 = Avx.Permute2x128(v0, v2, 0x31);
        var w2 = Avx.Permute2x128(v1, v3, 0x20);
        var w3 = Avx.Permute2x128(v1, v3, 0x31);
        var t0 = Avx.UnpackLow(w0, w1);
        var t1 = Avx.UnpackHigh(w0, w1);
        var t2 = Avx.UnpackLow(w2, w3);
        var t3 = Avx.UnpackHigh(w2, w3);
        p0 = Avx.Shuffle(t0, t2, 0x44).AsVector();
        p1 = Avx.Shuffle(t0, t2, 0xEE).AsVector();
        p2 = Avx.Shuffle(t1, t3, 0x44).AsVector();
        p3 = Avx.Shuffle(t1, t3, 0xEE).AsVector();
    }

    /// <summary>x[4·l + k] = p[k][l] for l &lt; 8, k &lt; 4 (writes 32 floats).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Merge(Vector<float> p0, Vector<float> p1, Vector<float> p2, Vector<float> p3, float* x)
    {
        Vector256<float> a0 = p0.AsVector256(), a1 = p1.AsVector256(), a2 = p2.AsVector256(), a3 = p3.AsVector256();
        var t0 = Avx.UnpackLow(a0, a1);
        var t1 = Avx.UnpackHigh(a0, a1);
        var t2 = Avx.UnpackLow(a2, a3);
        var t3 = Avx.UnpackHigh(a2, a3);
        var w0 = Avx.Shuffle(t0, t2, 0x44);
        var w1 = Avx.Shuffle(t0, t2, 0xEE);
        var w2 = Avx.Shuffle(t1, t3, 0x44);
        var w3 = Avx.Shuffle(t1, t3, 0xEE);
        Avx.Store(x, Avx.Permute2x128(w0, w1, 0x20));
        Avx.Store(x + 8, Avx.Permute2x128(w2, w3, 0x20));
        Avx.Store(x + 16, Avx.Permute2x128(w0, w1, 0x31));
        Avx.Store(x + 24, Avx.Permute2x128(w2, w3, 0x31));
    }
}
