using System.Numerics;
using System.Runtime.CompilerServices;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// Winograd F(4×4, 3×3) transforms (Lavin &amp; Gray's points 0, ±1, ±2, ∞): Y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A for a 6×6
/// input tile d and a 3×3 kernel g. The data transforms run on <see cref="Vector{T}"/> lanes, one tile per lane.
/// </summary>
internal static unsafe class WinogradMath
{
    /// <summary>Input tile side.</summary>
    public const int Alpha = 6;

    /// <summary>Output tile side.</summary>
    public const int Tile = 4;

    private static readonly double[,] G =
    {
        { 1.0 / 4, 0, 0 },
        { -1.0 / 6, -1.0 / 6, -1.0 / 6 },
        { -1.0 / 6, 1.0 / 6, -1.0 / 6 },
        { 1.0 / 24, 1.0 / 12, 1.0 / 6 },
        { 1.0 / 24, -1.0 / 12, 1.0 / 6 },
        { 0, 0, 1 },
    };

    /// <summary>U = G g Gᵀ (36 values, row-major) of one 3×3 kernel, computed in double.</summary>
    public static void TransformKernel(ReadOnlySpan<float> g, Span<double> u)
    {
        Span<double> gg = stackalloc double[Alpha * 3];
        for (int i = 0; i < Alpha; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                gg[i * 3 + j] = G[i, 0] * g[j] + G[i, 1] * g[3 + j] + G[i, 2] * g[6 + j];
            }
        }
        for (int i = 0; i < Alpha; i++)
        {
            for (int j = 0; j < Alpha; j++)
            {
                u[i * Alpha + j] = gg[i * 3] * G[j, 0] + gg[i * 3 + 1] * G[j, 1] + gg[i * 3 + 2] * G[j, 2];
            }
        }
    }

    /// <summary>In place: d (36 vectors, row-major 6×6) ← Bᵀ d B.</summary>
    public static void TransformInput(Vector<float>* d)
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
    public static void TransformOutput(Vector<float>* m, Vector<float>* y)
    {
        Vector<float>* t = stackalloc Vector<float>[Tile * Alpha];
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
    private static void InputColumn(Vector<float>* d, int s)
    {
        Vector<float> d0 = d[0], d1 = d[s], d2 = d[2 * s], d3 = d[3 * s], d4 = d[4 * s], d5 = d[5 * s];
        var four = new Vector<float>(4f);
        var five = new Vector<float>(5f);
        var two = new Vector<float>(2f);
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
    private static void OutputColumn(Vector<float>* m, int s, Vector<float>* o, int os)
    {
        Vector<float> m0 = m[0], m1 = m[s], m2 = m[2 * s], m3 = m[3 * s], m4 = m[4 * s], m5 = m[5 * s];
        var sum12 = m1 + m2;
        var dif12 = m1 - m2;
        var sum34 = m3 + m4;
        var dif34 = m3 - m4;
        o[0] = m0 + sum12 + sum34;
        o[os] = dif12 + new Vector<float>(2f) * dif34;
        o[2 * os] = sum12 + new Vector<float>(4f) * sum34;
        o[3 * os] = dif12 + new Vector<float>(8f) * dif34 + m5;
    }
}
