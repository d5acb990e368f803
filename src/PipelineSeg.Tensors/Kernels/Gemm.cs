namespace PipelineSeg.Tensors.Kernels;

/// <summary>Single-precision matrix multiply on row-major matrices (packed, cache-blocked, multi-threaded).</summary>
public static class Gemm
{
    [ThreadStatic]
    private static GemmJob? job;

    [ThreadStatic]
    private static MatrixPanelSource? source;

    /// <summary>
    /// C[m×n] = op(A)[m×k] · op(B)[k×n], or C += … when <paramref name="accumulate"/> is set. op(X) is X or Xᵀ;
    /// leading dimensions are the row strides of the matrices as stored. Only C's m×n window is written.
    /// Uses up to <see cref="KernelThreading.MaxThreads"/> threads.
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate = false) =>
        Multiply(MicroKernel.Best, transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate);

    /// <summary>Same as the public overload with a chosen micro-kernel (tests run every path).</summary>
    internal static unsafe void Multiply(MicroKernel kernel, bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate = false)
    {
        GemmArguments.Check(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }
        if (job is null || job.Kernel != kernel)
        {
            job = new GemmJob(kernel);
        }
        source ??= new MatrixPanelSource();
        fixed (float* pa = a, pb = b, pc = c)
        {
            float* packed = ThreadScratch.PackA(PackA.Size(m, k, kernel.MR));
            PackA.Pack(transA, pa, lda, m, k, kernel.MR, packed);
            source.B = pb;
            source.Ldb = ldb;
            source.Transposed = transB;
            job.PackedA = packed;
            job.M = m;
            job.N = n;
            job.K = k;
            job.Source = source;
            job.C = pc;
            job.Ldc = ldc;
            job.Accumulate = accumulate;
            job.Bias = null;
            job.Epilogue = default;
            try
            {
                job.Run(KernelThreading.MaxThreads);
            }
            finally
            {
                source.B = null;
                job.C = null;
            }
        }
    }
}
