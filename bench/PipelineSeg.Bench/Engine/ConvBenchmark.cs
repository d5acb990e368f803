using System.Globalization;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Bench.Engine;

/// <summary>One Conv2dPlan forward: --cin 32 --cout 32 --size 512 --k 3 --threads N --reps 5.</summary>
internal sealed class ConvBenchmark : IBenchmark
{
    public string Name => "conv";

    public string Description => "Conv2d GFLOP/s: --cin 32 --cout 32 --size 512 --k 3 --stride 1 --threads N --reps 5";

    public int Run(string[] args)
    {
        var o = new BenchOptions(args);
        int cin = o.Int("cin", 32), cout = o.Int("cout", 32), size = o.Int("size", 512), k = o.Int("k", 3);
        int stride = o.Int("stride", 1), reps = o.Int("reps", 5);
        KernelThreading.MaxThreads = o.Int("threads", Environment.ProcessorCount);
        var options = new Conv2dOptions(cin, cout, k, k, stride, stride, k / 2, k / 2);
        var rng = new Random(1);
        var weight = KernelBench.Uniform(rng, cout * cin * k * k, -0.5f);
        var input = KernelBench.Uniform(rng, cin * size * size, 0f);
        var (oh, ow) = options.OutputSize(size, size);
        var output = new float[cout * oh * ow];
        double flops = 2.0 * cout * oh * ow * cin * k * k;
        using var plan = new Conv2dPlan(options, weight, new float[cout], new Epilogue(FusedActivation.Relu));
        plan.Forward(input, 1, size, size, output);
        var (best, cpu) = KernelBench.BestOf(reps, () => plan.Forward(input, 1, size, size, output));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"conv {cin}->{cout} k{k} s{stride} {size}x{size} threads={KernelThreading.MaxThreads}: {best * 1e3:F2} ms, {flops / best / 1e9:F1} GFLOP/s (cpu {cpu * 1e3:F2} ms, {flops / cpu / 1e9:F1} GFLOP/s per busy core)"));
        return 0;
    }
}
