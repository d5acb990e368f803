using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Tensors.Tests.Kernels;

public class GemmTests
{
    public static TheoryData<int, int, int, bool, bool, bool> Shapes()
    {
        var data = new TheoryData<int, int, int, bool, bool, bool>
        {
            { 1, 1, 1, false, false, false },
            { 1, 7, 3, false, false, false },
            { 7, 1, 3, true, false, false },
            { 3, 5, 1, false, true, false },
            { 4, 8, 16, false, false, false },
            { 5, 9, 17, false, false, true },
            { 6, 16, 300, true, true, false },
            { 7, 31, 255, false, false, true },
            { 8, 32, 256, false, false, false },
            { 9, 33, 257, true, false, true },
            { 13, 65, 513, false, true, false },
            { 37, 131, 29, true, true, true },
            { 64, 1031, 96, false, false, false },
        };
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Shapes))]
    public void Every_path_matches_the_reference(int m, int n, int k, bool transA, bool transB, bool accumulate)
    {
        foreach (var kernel in MicroKernel.All)
        {
            Check(kernel, m, n, k, transA, transB, accumulate);
        }
    }

    [SkippableFact]
    public void Large_odd_shape_matches_the_reference_once()
    {
        Check(MicroKernel.Best, 517, 509, 515, false, false, false);
    }

    [SkippableFact]
    public void Writes_only_the_output_window_of_a_larger_buffer()
    {
        const int m = 11, n = 37, k = 19, ldc = 50, offset = 123;
        var a = KernelAssert.Random(m * k, 1);
        var b = KernelAssert.Random(k * n, 2);
        foreach (var kernel in MicroKernel.All)
        {
            var c = new float[offset + m * ldc + 40];
            Array.Fill(c, float.NaN);
            for (int i = 0; i < m; i++)
            {
                Array.Clear(c, offset + i * ldc, n);
            }
            Gemm.Multiply(kernel, false, false, m, n, k, a, k, b, n, c.AsSpan(offset), ldc, accumulate: true);
            var expected = new float[m * n];
            GemmReference.Multiply(false, false, m, n, k, a, k, b, n, expected, n);
            for (int i = 0; i < c.Length; i++)
            {
                int rel = i - offset, row = rel / ldc, col = rel % ldc;
                bool inside = rel >= 0 && row < m && col < n;
                if (inside)
                {
                    Assert.True(MathF.Abs(c[i] - expected[row * n + col]) < 1e-4f, $"{kernel.Path}: wrong value at row {row} col {col}");
                }
                else
                {
                    Assert.True(float.IsNaN(c[i]), $"{kernel.Path}: wrote outside the window at {i}");
                }
            }
        }
    }

    [SkippableFact]
    public void Public_entry_uses_the_best_path_and_is_correct()
    {
        var a = KernelAssert.Random(20 * 30, 3);
        var b = KernelAssert.Random(30 * 40, 4);
        var c = new float[20 * 40];
        var expected = new float[20 * 40];
        Gemm.Multiply(false, false, 20, 40, 30, a, 30, b, 40, c, 40);
        GemmReference.Multiply(false, false, 20, 40, 30, a, 30, b, 40, expected, 40);
        KernelAssert.Close(expected, c, 1e-5f, "public Gemm");
    }

    [SkippableFact]
    public void Too_small_buffers_are_rejected_before_writing()
    {
        // C needs 2 rows × ldc 3 = 6 elements; with non-zero inputs any write would change the sentinels.
        var c = new float[4];
        Array.Fill(c, -5f);
        var a = KernelAssert.Random(4, 1);
        var b = KernelAssert.Random(6, 2);
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 2, 3, 2, a, 2, b, 3, c, 3));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 2, 3, 2, a, 2, b.AsSpan(0, 5), 3, new float[6], 3));
        Assert.All(c, v => Assert.Equal(-5f, v));
    }

    private static void Check(MicroKernel kernel, int m, int n, int k, bool transA, bool transB, bool accumulate)
    {
        int lda = (transA ? m : k) + 3, ldb = (transB ? k : n) + 2, ldc = n + 5;
        var a = KernelAssert.Random((transA ? k : m) * lda, m * 31 + k);
        var b = KernelAssert.Random((transB ? n : k) * ldb, n * 17 + k);
        var c = KernelAssert.Random(m * ldc, 99);
        var expected = (float[])c.Clone();
        Gemm.Multiply(kernel, transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
        GemmReference.Multiply(transA, transB, m, n, k, a, lda, b, ldb, expected, ldc, accumulate);
        KernelAssert.Close(expected, c, 2e-5f * MathF.Sqrt(k + 1), $"{kernel.Path} {m}x{n}x{k} tA={transA} tB={transB} acc={accumulate}");
    }
}
