using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Bench.Dicom;
using PipelineSeg.Bench.Engine;
using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Smoothing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Plugins.Hosting;

namespace PipelineSeg.Bench.Pipeline;

/// <summary>
/// Issue 11's volume benchmark: a synthetic 512×512×N CT series (the phantom project's series writer) end to end through
/// the slab pipeline with the sample U-Net plugin (DICOM decode → pre-processing → model → optional smoothing / MC
/// dropout → labels → clean-up), against the engine's pure inference time on the same model inputs. Peak RSS is the
/// process's PeakWorkingSet64 after the pipeline run (before the inference-only pass buffers its inputs).
/// </summary>
internal sealed class VolumeBenchmark : IBenchmark
{
    private const string ModelId = "unet-liver-phantom";
    private const int WarmUpSlices = 64; // 16 slabs: per-slab code reaches its optimised tier

    public string Name => "volume";

    public string Description => "synthetic 512x512xN CT end to end with the sample U-Net [--slices 871] [--slab 4] [--smoothing] [--mc N] [--no-cleanup] [--profile] [--plugins DIR]";

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
        return RunAsync(slices, slab, plugins, definition, options.Flag("profile")).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int slices, int slab, string plugins, PipelineDefinition definition, bool profile)
    {
        var folder = SyntheticCtSeries.Ensure(slices);
        using var provider = new PluginCatalogModelProvider(plugins, verifyHashes: true, maxThreads: 0, NullLogger<PluginCatalog>.Instance);
        using var model = await provider.CreateAsync(ModelId).ConfigureAwait(false);
        var series = (await DicomSeriesScanner.ScanPathAsync(folder).ConfigureAwait(false)).Volumes.Single();
        // Warm-up on a short series, so neither measurement pays for JIT compilation (tiered code) and the other does not.
        var warmUp = (await DicomSeriesScanner.ScanPathAsync(SyntheticCtSeries.Ensure(WarmUpSlices)).ConfigureAwait(false)).Volumes.Single();
        await SlabPipelineFactory.Create(definition, [model], slab).RunAsync(new DicomVolumeSource(warmUp)).ConfigureAwait(false);

        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var (gcBefore, pauseBefore) = (GcCounts(), GC.GetTotalPauseDuration());
        var wall = Stopwatch.StartNew();
        var result = await SlabPipelineFactory.Create(definition, [model], slab).RunAsync(new DicomVolumeSource(series)).ConfigureAwait(false);
        wall.Stop();
        self.Refresh();
        var endToEndCpu = self.TotalProcessorTime - cpuBefore;
        var (gcAfter, pause) = (GcCounts(), GC.GetTotalPauseDuration() - pauseBefore);
        var peakRss = self.PeakWorkingSet64;

        // Pure inference: the same model inputs, prepared beforehand, through the model alone, as many passes as the pipeline ran.
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
        var passes = Math.Max(1, definition.Inference.MonteCarloSamples);
        if (definition.Inference.MonteCarloSamples > 0)
        {
            model.EnableStochasticMode(1);
        }
        var output = new float[model.Manifest.OutputLength(slab)];
        self.Refresh();
        cpuBefore = self.TotalProcessorTime;
        var inference = Stopwatch.StartNew();
        for (var p = 0; p < passes; p++)
        {
            foreach (var input in inputs)
            {
                model.Predict(input.Input, input.Count, output.AsSpan(0, model.Manifest.OutputLength(input.Count)));
            }
        }
        inference.Stop();
        self.Refresh();
        var inferenceCpu = self.TotalProcessorTime - cpuBefore;

        var labelled = result.Labels.Array.Count(v => v != 0);
        Console.WriteLine(F($"volume: {slices} slices 512x512, model {model.Manifest.Id} {model.Manifest.Input.Width}x{model.Manifest.Input.Height}, slab {slab}, smoothing {definition.Smoothing.Kind}, MC passes {definition.Inference.MonteCarloSamples}, {Environment.ProcessorCount} cores"));
        Console.WriteLine(F($"  end to end {wall.Elapsed.TotalMilliseconds:0} ms wall (decode+pre-processing task {result.Timings.SourceMs:0}, inference {result.Timings.InferenceMs:0}, labels+cleanup {result.Timings.PostprocessingMs:0} ms; GC gen0/1/2 {gcAfter.Gen0 - gcBefore.Gen0}/{gcAfter.Gen1 - gcBefore.Gen1}/{gcAfter.Gen2 - gcBefore.Gen2}, paused {pause.TotalMilliseconds:0} ms)"));
        Console.WriteLine(F($"  pure inference {inference.Elapsed.TotalMilliseconds:0} ms ({passes} pass(es) over the same inputs) -> end to end / inference {wall.Elapsed.TotalMilliseconds / inference.Elapsed.TotalMilliseconds:0.00}"));
        Console.WriteLine(F($"  CPU time: end to end {endToEndCpu.TotalMilliseconds:0} ms, pure inference {inferenceCpu.TotalMilliseconds:0} ms (ratio {endToEndCpu / inferenceCpu:0.00}, overhead {(endToEndCpu - inferenceCpu).TotalSeconds:0.00} CPU-s); decode + pre-processing alone {prepare.Elapsed.TotalMilliseconds:0} ms wall, CPU decode {decodeCpu.TotalMilliseconds:0} + pre-processing {prepareCpu.TotalMilliseconds:0} ms"));
        Console.WriteLine(F($"  peak RSS {peakRss / (1024.0 * 1024.0):0} MiB; labelled voxels {labelled}"));
        if (profile)
        {
            model.DisableStochasticMode();
            StageProfile.Run(model, inputs, new DicomVolumeSource(series).Grid, definition);
        }
        return 0;
    }

    private static (int Gen0, int Gen1, int Gen2) GcCounts() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
