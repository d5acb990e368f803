using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Tensors.Operations;

/// <summary>
/// Splits per-plane work (one N×C plane per item) across up to <see cref="KernelThreading.MaxThreads"/> threads,
/// staying on the calling thread when the job is too small to pay for the hand-off.
/// </summary>
internal static class PlaneParallel
{
    /// <summary>Below this many elements in total a job runs on the calling thread.</summary>
    private const long MinimumParallelWork = 1 << 15;

    public static void For(int count, long elementsPerItem, Action<int> body)
    {
        var threads = Math.Min(KernelThreading.MaxThreads, count);
        if (threads <= 1 || count * elementsPerItem < MinimumParallelWork)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }
            return;
        }
        // Contiguous chunks, one per thread: fewer hand-offs than one task per plane.
        var chunk = (count + threads - 1) / threads;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var end = Math.Min(count, (t + 1) * chunk);
            for (var i = t * chunk; i < end; i++)
            {
                body(i);
            }
        });
    }
}
