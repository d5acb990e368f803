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
        var a = KernelBench.Uniform(rng, m * k, -0.5f);
        var b = KernelBench.Uniform(rng, k * n, -0.5f);
        var c = new float[m * n];
        double flops = 2.0 * m * n * k;
        foreach (var kernel in MicroKernel.All)
        {
            Gemm.Multiply(kernel, false, false, m, n, k, a, k, b, n, c, n);
            var (best, cpu) = KernelBench.BestOf(reps, () => Gemm.Multiply(kernel, false, false, m, n, k, a, k, b, n, c, n));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gemm {kernel.Path,-8} m={m} n={n} k={k} threads={KernelThreading.MaxThreads}: {best * 1e3:F2} ms, {flops / best / 1e9:F1} GFLOP/s (cpu {flops / cpu / 1e9:F1} GFLOP/s per busy core)"));
        }
        return 0;
    }
}
