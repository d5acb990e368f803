namespace PipelineSeg.Tensors.Kernels;

/// <summary>Single-precision matrix multiply on row-major matrices.</summary>
public static class Gemm
{
    /// <summary>
    /// C[m×n] = op(A)[m×k] · op(B)[k×n], or C += … when <paramref name="accumulate"/> is set. op(X) is X or Xᵀ;
    /// leading dimensions are the row strides of the matrices as stored. Only C's m×n window is written.
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate = false)
    {
        GemmArguments.Check(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        for (int i = 0; i < m; i++)
        {
            Span<float> row = c.Slice(i * ldc, n);
            if (!accumulate)
            {
                row.Clear();
            }
            for (int p = 0; p < k; p++)
            {
                float av = transA ? a[p * lda + i] : a[i * lda + p];
                if (transB)
                {
                    for (int j = 0; j < n; j++)
                    {
                        row[j] += av * b[j * ldb + p];
                    }
                }
                else
                {
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(b.Slice(p * ldb, n), av, row, row);
                }
            }
        }
    }
}
