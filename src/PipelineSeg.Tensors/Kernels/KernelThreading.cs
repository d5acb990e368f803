namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// Thread budget of the compute kernels, like <c>torch.set_num_threads</c>. Applies to every GEMM and
/// convolution started after it is set.
/// </summary>
public static class KernelThreading
{
    private static int maxThreads = Environment.ProcessorCount;

    /// <summary>Maximum number of threads one kernel call uses (the caller included); default: all cores.</summary>
    public static int MaxThreads
    {
        get => maxThreads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            maxThreads = value;
        }
    }
}
