namespace PipelineSeg.Tensors.Kernels;

/// <summary>Argument checks shared by the GEMM entry points, so a bad call fails before any write.</summary>
internal static class GemmArguments
{
    public static void Check(bool transA, bool transB, int m, int n, int k, int aLength, int lda,
        int bLength, int ldb, int cLength, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckMatrix("A", transA ? k : m, transA ? m : k, aLength, lda);
        CheckMatrix("B", transB ? n : k, transB ? k : n, bLength, ldb);
        CheckMatrix("C", m, n, cLength, ldc);
    }

    private static void CheckMatrix(string name, int rows, int cols, int length, int ld)
    {
        if (rows == 0 || cols == 0)
        {
            return;
        }
        if (ld < cols)
        {
            throw new ArgumentException($"GEMM: leading dimension {ld} of {name} is smaller than its {cols} columns.");
        }
        if ((long)(rows - 1) * ld + cols > length)
        {
            throw new ArgumentException($"GEMM: {name} needs {(long)(rows - 1) * ld + cols} elements ({rows}×{cols}, ld {ld}) but has {length}.");
        }
    }
}
