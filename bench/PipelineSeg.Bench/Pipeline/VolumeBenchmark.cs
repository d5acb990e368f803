using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Bench.Dicom;
using PipelineSeg.Bench.Engine;
using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Smoothing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Bench.Pipeline;

/// <summary>
/// Issue 11's volume benchmark: a synthetic 512×512×N CT series (the phantom project's series writer) end to end through
/// the slab pipeline with the sample U-Net plugin (DICOM decode → pre-processing → model → optional smoothing / MC
/// dropout → labels → clean-up), against the engine's pure inference time on the same model inputs and slab size. The two
/// alternate <c>--repeat</c> times and the ratio is of their medians, so one noisy pass cannot make it. Peak RSS is the
/// process's PeakWorkingSet64 after the first pipeline run (before the inference-only pass buffers its inputs).
/// </summary>
internal sealed class VolumeBenchmark : IBenchmark
{
    private const string ModelId = "unet-liver-phantom";
    private const int WarmUpSlices = 64;
    private const int WarmUpPasses = 5; // 80 slabs: per-slab code reaches its optimised tier

    public string Name => "volume";

    public string Description => "synthetic 512x512xN CT end to end with the sample U-Net [--slices 871] [--slab 4] [--smoothing] [--mc N] [--no-cleanup] [--repeat 3] [--threads 0] [--profile] [--plugins DIR]";

    public int Run(string[] args)
    {
        var options = new BenchOptions(args);
        var slices = options.Int("slices", 871);
        var slab = options.Int("slab", 4);
        var plugins = options.Text("plugins") ?? Path.Combine(AppContext.BaseDirectory, "benchplugins");
        // The clean-up of config/appsettings.json's liver pipeline, so the benchmark pays for what a deployment runs.
        var definition = new PipelineDefinition { Model = ModelId, MinimumComponentMl = options.Flag("no-cleanup") ? 0 : 0.05 };
        if (!options.Flag("no-cleanup"))
        {
            definition.KeepLargestComponentOf.AddRange(["liver", "lesion"]);
        }
        if (options.Flag("smoothing"))
        {
            definition.Smoothing.Kind = SmoothingKind.Gaussian;
            definition.Smoothing.SigmaMm = 1.5; // about two slices of the 0.7 mm synthetic series
        }
        definition.Inference.MonteCarloSamples = options.Int("mc", 0);
        definition.Inference.MonteCarloSeed = 1;
        using var trace = options.Flag("gc-trace") ? new GcTrace() : null;
        // Inference:MaxThreads as the host resolves it (0: every core but one, the other left to decoding and labelling).
        var settings = new Settings(Math.Max(1, options.Int("repeat", 3)), options.Flag("profile"), InferenceThreads.Resolve(options.Int("threads", 0)));
        return RunAsync(slices, slab, plugins, definition, settings).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int slices, int slab, string plugins, PipelineDefinition definition, Settings settings)
    {
        var folder = SyntheticCtSeries.Ensure(slices);
        using var provider = new PluginCatalogModelProvider(plugins, verifyHashes: true, maxThreads: settings.Threads, NullLogger<PluginCatalog>.Instance);
        using var model = await provider.CreateAsync(ModelId).ConfigureAwait(false);
        var series = (await DicomSeriesScanner.ScanPathAsync(folder).ConfigureAwait(false)).Volumes.Single();
        // Warm-up on a short series, so neither measurement pays for JIT compilation (tiered code) and the other does not.
        var warmUp = (await DicomSeriesScanner.ScanPathAsync(SyntheticCtSeries.Ensure(WarmUpSlices)).ConfigureAwait(false)).Volumes.Single();
        SlabPipeline Pipeline() => SlabPipelineFactory.Create(definition, [model], slab);
        await WarmUpAsync(() => Pipeline().RunAsync(new DicomVolumeSource(warmUp))).ConfigureAwait(false);
        var passes = Math.Max(1, definition.Inference.MonteCarloSamples);
        Console.WriteLine(F($"volume: {slices} slices 512x512, model {model.Manifest.Id} {model.Manifest.Input.Width}x{model.Manifest.Input.Height}, slab {slab}, smoothing {definition.Smoothing.Kind}, MC passes {definition.Inference.MonteCarloSamples}, {settings.Threads} model thread(s) on {Environment.ProcessorCount} cores, {settings.Repeats} alternating runs; warmed up by {WarmUpPasses} passes of {WarmUpSlices} slices"));

        // End to end and pure inference alternate, so a noisy stretch of a shared machine hits both; the ratio is of medians.
        using var self = Process.GetCurrentProcess();
        var (endToEnd, pure) = (new List<Measured>(), new List<Measured>());
        List<ModelInputSlab>? inputs = null;
        long? labelled = null;
        var identical = true;
        for (var run = 0; run < settings.Repeats; run++)
        {
            var (gcBefore, pauseBefore, jitBefore) = (GcCounts(), GC.GetTotalPauseDuration(), System.Runtime.JitInfo.GetCompilationTime());
            SegmentationResult? result = null;
            var e2e = await MeasureAsync(self, async () => result = await Pipeline().RunAsync(new DicomVolumeSource(series)).ConfigureAwait(false)).ConfigureAwait(false);
            var (gcAfter, pause, jit) = (GcCounts(), GC.GetTotalPauseDuration() - pauseBefore, System.Runtime.JitInfo.GetCompilationTime() - jitBefore);
            endToEnd.Add(e2e);
            var count = result!.Labels.Array.LongCount(v => v != 0);
            identical &= labelled is null || labelled == count;
            labelled ??= count;
            Console.WriteLine(F($"  run {run + 1}: end to end {e2e.WallMs:0} ms wall, {e2e.CpuMs:0} ms CPU (decode+pre-processing task {result.Timings.SourceMs:0}, inference {result.Timings.InferenceMs:0}, labels+cleanup {result.Timings.PostprocessingMs:0} ms; GC gen0/1/2 {gcAfter.Gen0 - gcBefore.Gen0}/{gcAfter.Gen1 - gcBefore.Gen1}/{gcAfter.Gen2 - gcBefore.Gen2}, paused {pause.TotalMilliseconds:0} ms; JIT {jit.TotalMilliseconds:0} ms)"));
            result = null;
            if (run == 0)
            {
                self.Refresh();
                // The pipeline's peak, before the inference-only pass buffers its inputs.
                Console.WriteLine(F($"  peak RSS {self.PeakWorkingSet64 / (1024.0 * 1024.0):0} MiB; labelled voxels {labelled}"));
                inputs = await PrepareAsync(self, model, series, slab).ConfigureAwait(false);
                if (settings.Threads != Environment.ProcessorCount)
                {
                    // For comparison only: the engine alone on every core, as Inference:MaxThreads = cores would run it.
                    var threads = KernelThreading.MaxThreads;
                    KernelThreading.MaxThreads = Environment.ProcessorCount;
                    var allCores = await MeasureAsync(self, () =>
                    {
                        PureInference(model, inputs, slab, passes, definition.Inference.MonteCarloSamples > 0);
                        return Task.CompletedTask;
                    }).ConfigureAwait(false);
                    KernelThreading.MaxThreads = threads;
                    Console.WriteLine(F($"  (pure inference on all {Environment.ProcessorCount} cores instead: {allCores.WallMs:0} ms wall, {allCores.CpuMs:0} ms CPU)"));
                }
            }
            var reference = await MeasureAsync(self, () =>
            {
                PureInference(model, inputs!, slab, passes, definition.Inference.MonteCarloSamples > 0);
                return Task.CompletedTask;
            }).ConfigureAwait(false);
            pure.Add(reference);
            Console.WriteLine(F($"  run {run + 1}: pure inference {reference.WallMs:0} ms wall, {reference.CpuMs:0} ms CPU ({passes} pass(es) over the same inputs, same slab size)"));
        }
        var (e2eWall, pureWall) = (Median(endToEnd.Select(m => m.WallMs)), Median(pure.Select(m => m.WallMs)));
        var (e2eCpu, pureCpu) = (Median(endToEnd.Select(m => m.CpuMs)), Median(pure.Select(m => m.CpuMs)));
        Console.WriteLine(F($"  median: end to end {e2eWall:0} ms wall / pure inference {pureWall:0} ms wall -> ratio {e2eWall / pureWall:0.00} (per run: {string.Join(", ", endToEnd.Zip(pure, (e, p) => F($"{e.WallMs / p.WallMs:0.00}")))})"));
        Console.WriteLine(F($"  median CPU: end to end {e2eCpu:0} ms, pure inference {pureCpu:0} ms (ratio {e2eCpu / pureCpu:0.00}, overhead {(e2eCpu - pureCpu) / 1000:0.00} CPU-s); labels {(identical ? "identical in every run" : "DIFFER between runs")}"));
        if (settings.Profile)
        {
            model.DisableStochasticMode();
            StageProfile.Run(model, inputs!, new DicomVolumeSource(series).Grid, definition);
        }
        return identical ? 0 : 1;
    }

    /// <summary>
    /// Runs the pipeline <see cref="WarmUpPasses"/> times on the warm-up series, pausing after each pass for tiered
    /// compilation (PGO needs a method called ~60 times, then compiles it in the background after a 100 ms quiet spell),
    /// so neither measured run pays for the JIT: a background compile on one of two cores stretches the run it lands in.
    /// Methods called once per series still compile now and then; each run prints the JIT time it paid.
    /// </summary>
    private static async Task WarmUpAsync(Func<Task> pass)
    {
        for (var passes = 0; passes < WarmUpPasses; passes++)
        {
            await pass().ConfigureAwait(false);
            await Task.Delay(300).ConfigureAwait(false);
        }
    }

    /// <summary>The same model inputs the pipeline made, prepared beforehand (decode and pre-processing CPU printed).</summary>
    private static async Task<List<ModelInputSlab>> PrepareAsync(Process self, ISegmentationModel model, DicomSeries series, int slab)
    {
        var preprocessor = new SlabPreprocessor(model.Manifest.Input, model.Manifest.Id);
        var inputs = new List<ModelInputSlab>();
        var prepare = Stopwatch.StartNew();
        var (decodeCpu, prepareCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        self.Refresh();
        var mark = self.TotalProcessorTime;
        await foreach (var hu in new DicomVolumeSource(series).ReadAsync(slab, preprocessor.Halo).ConfigureAwait(false))
        {
            self.Refresh();
            decodeCpu += self.TotalProcessorTime - mark;
            mark = self.TotalProcessorTime;
            inputs.Add(preprocessor.Prepare(hu));
            hu.Release?.Invoke(); // as the pipeline does: the decode buffer is reused
            self.Refresh();
            prepareCpu += self.TotalProcessorTime - mark;
            mark = self.TotalProcessorTime;
        }
        prepare.Stop();
        Console.WriteLine(F($"  decode + pre-processing alone {prepare.Elapsed.TotalMilliseconds:0} ms wall, CPU decode {decodeCpu.TotalMilliseconds:0} + pre-processing {prepareCpu.TotalMilliseconds:0} ms"));
        return inputs;
    }

    /// <summary>The model alone on the prepared inputs, as many passes as the pipeline ran, the pipeline's slab size.</summary>
    private static void PureInference(ISegmentationModel model, List<ModelInputSlab> inputs, int slab, int passes, bool stochastic)
    {
        if (stochastic)
        {
            model.EnableStochasticMode(1);
        }
        var output = new float[model.Manifest.OutputLength(slab)];
        for (var p = 0; p < passes; p++)
        {
            foreach (var input in inputs)
            {
                model.Predict(input.Input, input.Count, output.AsSpan(0, model.Manifest.OutputLength(input.Count)));
            }
        }
        if (stochastic)
        {
            model.DisableStochasticMode();
        }
    }

    private static async Task<Measured> MeasureAsync(Process self, Func<Task> work)
    {
        self.Refresh();
        var cpu = self.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await work().ConfigureAwait(false);
        wall.Stop();
        self.Refresh();
        return new Measured(wall.Elapsed.TotalMilliseconds, (self.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static (int Gen0, int Gen1, int Gen2) GcCounts() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private sealed record Measured(double WallMs, double CpuMs);

    private sealed record Settings(int Repeats, bool Profile, int Threads);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
