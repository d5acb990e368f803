using System.Diagnostics;

namespace PipelineSeg.Bench.Engine;

/// <summary>Shared by the kernel benchmarks: fixed-seed inputs and best-of-N timing (fastest wall and process CPU time).</summary>
internal static class KernelBench
{
    /// <summary>Runs <paramref name="run"/> <paramref name="reps"/> times (the caller warms up first); minima in seconds.</summary>
    public static (double WallSeconds, double CpuSeconds) BestOf(int reps, Action run)
    {
        double best = double.MaxValue, cpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r < reps; r++)
        {
            process.Refresh();
            var c0 = process.TotalProcessorTime;
            long t0 = Stopwatch.GetTimestamp();
            run();
            best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalSeconds);
            process.Refresh();
            cpu = Math.Min(cpu, (process.TotalProcessorTime - c0).TotalSeconds);
        }
        return (best, cpu);
    }

    /// <summary>Uniform values in [offset, offset + 1) from a fixed generator.</summary>
    public static float[] Uniform(Random rng, int length, float offset)
    {
        var data = new float[length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)rng.NextDouble() + offset;
        }
        return data;
    }
}
