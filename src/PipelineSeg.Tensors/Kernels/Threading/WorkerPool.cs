using System.Runtime.ExceptionServices;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// Persistent background threads that help the calling thread drain a job's tasks. Allocation-free per call
/// (Parallel.For is not), so steady-state inference makes no garbage. The caller never waits for a helper that has
/// not started yet (on a busy machine a woken thread may be scheduled late): it closes the job once every task is
/// taken and waits only for helpers still inside it. One job at a time: a concurrent or nested caller runs its tasks
/// inline.
/// </summary>
internal static class WorkerPool
{
    private static readonly Lock Gate = new();
    private static readonly List<SemaphoreSlim> Wake = [];
    private static IParallelWork? current;
    private static int taskCount;
    private static int nextTask;
    private static int open;
    private static int active;
    private static ExceptionDispatchInfo? failure;

    [ThreadStatic]
    private static bool insideJob;

    /// <summary>Runs tasks 0..<paramref name="tasks"/>-1 of <paramref name="work"/> on up to <paramref name="maxThreads"/> threads.</summary>
    public static void Run(IParallelWork work, int tasks, int maxThreads)
    {
        int threads = Math.Min(maxThreads, tasks);
        if (threads <= 1 || insideJob || !Gate.TryEnter())
        {
            for (int i = 0; i < tasks; i++)
            {
                work.Execute(i);
            }
            return;
        }
        try
        {
            insideJob = true;
            EnsureWorkers(threads - 1);
            current = work;
            taskCount = tasks;
            nextTask = 0;
            failure = null;
            Interlocked.Exchange(ref open, 1);
            for (int w = 0; w < threads - 1; w++)
            {
                Wake[w].Release();
            }
            Drain();
            // Full fences on both sides: a helper either registered before the job closed (and is waited for) or
            // sees it closed and leaves without touching it.
            Interlocked.Exchange(ref open, 0);
            var spin = default(SpinWait);
            while (Volatile.Read(ref active) != 0)
            {
                spin.SpinOnce();
            }
            current = null;
            failure?.Throw();
        }
        finally
        {
            insideJob = false;
            Gate.Exit();
        }
    }

    private static void Drain()
    {
        try
        {
            IParallelWork work = current!;
            int i;
            while ((i = Interlocked.Increment(ref nextTask) - 1) < taskCount)
            {
                work.Execute(i);
            }
        }
#pragma warning disable CA1031 // handed to the calling thread, which rethrows it once the helpers are out
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(ex), null);
            Volatile.Write(ref nextTask, int.MaxValue / 2);
        }
    }

    private static void EnsureWorkers(int count)
    {
        while (Wake.Count < count)
        {
            var wake = new SemaphoreSlim(0);
            Wake.Add(wake);
            var thread = new Thread(() => WorkerLoop(wake))
            {
                IsBackground = true,
                Name = $"PipelineSeg kernel worker {Wake.Count}",
            };
            thread.Start();
        }
    }

    private static void WorkerLoop(SemaphoreSlim wake)
    {
        insideJob = true;
        while (true)
        {
            wake.Wait();
            Interlocked.Increment(ref active);
            if (Volatile.Read(ref open) == 1)
            {
                Drain();
            }
            Interlocked.Decrement(ref active);
        }
    }
}
