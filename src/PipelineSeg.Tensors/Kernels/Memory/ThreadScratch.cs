namespace PipelineSeg.Tensors.Kernels;

/// <summary>Per-thread scratch buffers for packing; each kernel thread reuses its own, so calls make no garbage.</summary>
internal static unsafe class ThreadScratch
{
    [ThreadStatic]
    private static AlignedBuffer? packB;

    [ThreadStatic]
    private static AlignedBuffer? packA;

    [ThreadStatic]
    private static AlignedBuffer? work;

    /// <summary>Buffer for packed B panels (one per thread).</summary>
    public static float* PackB(long length) => (packB ??= new AlignedBuffer()).Ensure(length);

    /// <summary>Buffer for packed A panels of a plain GEMM call (calling thread only).</summary>
    public static float* PackA(long length) => (packA ??= new AlignedBuffer()).Ensure(length);

    /// <summary>General per-thread work area (transforms, edge tiles).</summary>
    public static float* Work(long length) => (work ??= new AlignedBuffer()).Ensure(length);
}
