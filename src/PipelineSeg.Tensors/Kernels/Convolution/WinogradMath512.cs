using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>The F(4×4, 3×3) data transforms of <see cref="WinogradMath"/> on 16-lane <see cref="Vector512{T}"/>.</summary>
internal static unsafe class WinogradMath512
{
    private const int Alpha = WinogradMath.Alpha;
    private const int Tile = WinogradMath.Tile;

    /// <summary>In place: d (36 vectors, row-major 6×6) ← Bᵀ d B.</summary>
    public static void TransformInput(Vector512<float>* d)
    {
        for (int c = 0; c < Alpha; c++)
        {
            InputColumn(d + c, Alpha);
        }
        for (int r = 0; r < Alpha; r++)
        {
            InputColumn(d + r * Alpha, 1);
        }
    }

    /// <summary>Aᵀ m A: reads 36 vectors (row-major 6×6), writes 16 (row-major 4×4) to <paramref name="y"/>.</summary>
    public static void TransformOutput(Vector512<float>* m, Vector512<float>* y)
    {
        Vector512<float>* t = stackalloc Vector512<float>[Tile * Alpha];
        for (int c = 0; c < Alpha; c++)
        {
            OutputColumn(m + c, Alpha, t + c, Alpha);
        }
        for (int r = 0; r < Tile; r++)
        {
            OutputColumn(t + r * Alpha, 1, y + r * Tile, 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InputColumn(Vector512<float>* d, int s)
    {
        Vector512<float> d0 = d[0], d1 = d[s], d2 = d[2 * s], d3 = d[3 * s], d4 = d[4 * s], d5 = d[5 * s];
        var four = Vector512.Create(4f);
        var five = Vector512.Create(5f);
        var two = Vector512.Create(2f);
        var a = d4 - d2;
        var b = two * (d3 - d1);
        d[0] = four * d0 - five * d2 + d4;
        d[s] = d3 + d4 - four * (d1 + d2);
        d[2 * s] = d4 - d3 + four * (d1 - d2);
        d[3 * s] = a + b;
        d[4 * s] = a - b;
        d[5 * s] = four * d1 - five * d3 + d5;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OutputColumn(Vector512<float>* m, int s, Vector512<float>* o, int os)
    {
        Vector512<float> m0 = m[0], m1 = m[s], m2 = m[2 * s], m3 = m[3 * s], m4 = m[4 * s], m5 = m[5 * s];
        var sum12 = m1 + m2;
        var dif12 = m1 - m2;
        var sum34 = m3 + m4;
        var dif34 = m3 - m4;
        o[0] = m0 + sum12 + sum34;
        o[os] = dif12 + Vector512.Create(2f) * dif34;
        o[2 * os] = sum12 + Vector512.Create(4f) * sum34;
        o[3 * os] = dif12 + Vector512.Create(8f) * dif34 + m5;
    }
}
