using System.Diagnostics;
using System.Globalization;
using PipelineSeg.Nn;
using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Bench.Engine;

/// <summary>
/// Forward time of the standard U-Net on one slice through the real Nn modules (BN folded at Eval()). The last line
/// is the figure bench/compare/run.sh reads: "unet base=B size=S threads=T: X ms/slice, Y GFLOP/s, peak Z MB".
/// </summary>
internal sealed class UNetBenchmark : IBenchmark
{
    public string Name => "unet";

    public string Description =>
        "U-Net forward: --base 32 --size 512 --threads 2 [--classes 2 --reps 5 --warmup 2 --seed 1 --weights W.safetensors --check DIR]";

    public int Run(string[] args)
    {
        var o = new BenchOptions(args);
        int baseWidth = o.Int("base", 32), size = o.Int("size", 512), classes = o.Int("classes", 2);
        int threads = o.Int("threads", Environment.ProcessorCount), reps = o.Int("reps", 5), warmup = o.Int("warmup", 2);
        int seed = o.Int("seed", 1);
        KernelThreading.MaxThreads = threads;
        Init.ManualSeed(seed);
        using var model = new BenchUNet(1, classes, baseWidth);
        RandomizeNormalization(model, seed);
        string? weights = o.Text("weights");
        if (weights is not null)
        {
            model.LoadSafetensors(weights);
        }
        model.Eval();
        double flops = model.Flops(size, size);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"U-Net depth 4 base {baseWidth}, {classes} classes: {model.ParameterCount() / 1e6:F2} M parameters, {flops / 1e9:F1} GFLOP per {size}x{size} slice"));
        Console.WriteLine($"kernel path {MicroKernel.Best.Path}, {threads} threads, {Environment.ProcessorCount} cores");
        if (o.Text("check") is { } check)
        {
            CheckParity(model, check);
        }

        using var input = Tensor.Empty(1, 1, size, size);
        var rng = new Random(seed);
        var span = input.Span;
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = (float)rng.NextDouble();
        }
        // Kernel plans are built on the first forward and do not depend on the input size: build them on a tiny
        // slice, then hand the construction scratch (BN-folded weight copies) back before the real slices run.
        using (var tiny = Tensor.Zeros(1, 1, 16, 16))
        {
            model.Forward(tiny).Dispose();
        }
        TensorPool.Shared.Trim();
        for (int i = 0; i < warmup; i++)
        {
            model.Forward(input).Dispose();
        }
        var times = new double[reps];
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        for (int i = 0; i < reps; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            model.Forward(input).Dispose();
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }
        process.Refresh();
        double cpuMs = (process.TotalProcessorTime - cpu0).TotalMilliseconds / reps;
        Array.Sort(times);
        double median = times[reps / 2];
        double peakMb = process.PeakWorkingSet64 / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tensor pool {TensorPool.Shared.AllocatedBytes / 1e6:F0} MB, managed heap {GC.GetTotalMemory(false) / 1e6:F0} MB, working set {process.WorkingSet64 / 1e6:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"runs (ms, sorted): {string.Join(", ", times.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))}; CPU time {cpuMs:F1} ms/slice over all threads"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"unet base={baseWidth} size={size} threads={threads}: {median:F1} ms/slice, {flops / median / 1e6:F1} GFLOP/s, peak {peakMb:F0} MB"));
        return 0;
    }

    /// <summary>Compares the output for DIR/input.npy with DIR/expected.npy (PyTorch's, written by bench/compare/export.py).</summary>
    private static void CheckParity(Module model, string directory)
    {
        using var input = NpyFile.ReadTensor(Path.Combine(directory, "input.npy"));
        using var expected = NpyFile.ReadTensor(Path.Combine(directory, "expected.npy"));
        using var actual = model.Forward(input);
        if (!actual.Shape.SequenceEqual(expected.Shape))
        {
            throw new InvalidOperationException($"parity: output {actual} but {directory}/expected.npy is {expected}");
        }
        float maxError = 0, maxValue = 0;
        var a = actual.Span;
        var e = expected.Span;
        for (int i = 0; i < a.Length; i++)
        {
            maxError = MathF.Max(maxError, MathF.Abs(a[i] - e[i]));
            maxValue = MathF.Max(maxValue, MathF.Abs(e[i]));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parity vs PyTorch ({directory}): max abs error {maxError:E2}, max |output| {maxValue:F3}"));
    }

    /// <summary>Gives BatchNorm layers non-trivial statistics so folding does real work, reproducibly.</summary>
    private static void RandomizeNormalization(Module model, int seed)
    {
        var rng = new Random(seed + 1);
        foreach (var (name, tensor) in model.NamedParameters().Concat(model.NamedBuffers()))
        {
            var (lo, hi) = name switch
            {
                _ when name.EndsWith("running_var", StringComparison.Ordinal) => (0.5, 1.5),
                _ when name.EndsWith("running_mean", StringComparison.Ordinal) => (-0.1, 0.1),
                _ when IsBatchNorm(model, name) && name.EndsWith(".weight", StringComparison.Ordinal) => (0.5, 1.5),
                _ when IsBatchNorm(model, name) && name.EndsWith(".bias", StringComparison.Ordinal) => (-0.1, 0.1),
                _ => (double.NaN, double.NaN),
            };
            if (double.IsNaN(lo))
            {
                continue;
            }
            var span = tensor.Span;
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = (float)(lo + (hi - lo) * rng.NextDouble());
            }
        }
    }

    private static bool IsBatchNorm(Module model, string parameterName)
    {
        string owner = parameterName[..parameterName.LastIndexOf('.')];
        return model.NamedModules().Any(m => m.Key == owner && m.Value is BatchNorm2d);
    }
}
