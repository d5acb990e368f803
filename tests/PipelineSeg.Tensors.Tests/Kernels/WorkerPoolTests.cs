using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Tensors.Tests.Kernels;

public class WorkerPoolTests
{
    private sealed class CountingWork(int tasks, int failAt = -1) : IParallelWork
    {
        public int[] Runs { get; } = new int[tasks];

        public void Execute(int index)
        {
            Interlocked.Increment(ref Runs[index]);
            if (index == failAt)
            {
                throw new InvalidOperationException($"task {index} failed");
            }
            Thread.SpinWait(200);
        }
    }

    [SkippableFact]
    public void Every_task_runs_exactly_once_across_many_jobs()
    {
        for (int job = 0; job < 200; job++)
        {
            var work = new CountingWork(1 + job % 17);
            WorkerPool.Run(work, work.Runs.Length, 4);
            Assert.All(work.Runs, r => Assert.Equal(1, r));
        }
    }

    [SkippableFact]
    public void A_failing_task_surfaces_on_the_caller_and_the_pool_keeps_working()
    {
        var failing = new CountingWork(64, failAt: 5);
        var ex = Assert.Throws<InvalidOperationException>(() => WorkerPool.Run(failing, 64, 3));
        Assert.Contains("task 5", ex.Message, StringComparison.Ordinal);
        var next = new CountingWork(32);
        WorkerPool.Run(next, 32, 3);
        Assert.All(next.Runs, r => Assert.Equal(1, r));
    }
}
