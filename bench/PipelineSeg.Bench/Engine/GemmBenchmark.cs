using System.Diagnostics;
using System.Globalization;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Bench.Engine;

/// <summary>SGEMM throughput of every micro-kernel path this CPU supports.</summary>
internal sealed class GemmBenchmark : IBenchmark
{
    public string Name => "gemm";

    public string Description => "SGEMM GFLOP/s per path: --m 256 --n 4096 --k 2304 --threads N --reps 5";

    public int Run(string[] args)
    {
        var o = new BenchOptions(args);
        int m = o.Int("m", 256), n = o.Int("n", 4096), k = o.Int("k", 2304), reps = o.Int("reps", 5);
        KernelThreading.MaxThreads = o.Int("threads", Environment.ProcessorCount);
        var rng = new Random(1);
        var a = new float[m * k];
        var b = new float[k * n];
        var c = new float[m * n];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = (float)rng.NextDouble() - 0.5f;
        }
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = (float)rng.NextDouble() - 0.5f;
        }
        double flops = 2.0 * m * n * k;
        foreach (var kernel in MicroKernel.All)
        {
            Gemm.Multiply(kernel, false, false, m, n, k, a, k, b, n, c, n);
            double best = double.MaxValue, cpu = double.MaxValue;
            var process = Process.GetCurrentProcess();
            for (int r = 0; r < reps; r++)
            {
                process.Refresh();
                var c0 = process.TotalProcessorTime;
                long t0 = Stopwatch.GetTimestamp();
                Gemm.Multiply(kernel, false, false, m, n, k, a, k, b, n, c, n);
                best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalSeconds);
                process.Refresh();
                cpu = Math.Min(cpu, (process.TotalProcessorTime - c0).TotalSeconds);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gemm {kernel.Path,-8} m={m} n={n} k={k} threads={KernelThreading.MaxThreads}: {best * 1e3:F2} ms, {flops / best / 1e9:F1} GFLOP/s (cpu {flops / cpu / 1e9:F1} GFLOP/s per busy core)"));
        }
        return 0;
    }
}
