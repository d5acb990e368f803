using System.Diagnostics;
using System.Globalization;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Bench.Pipeline;

/// <summary>
/// `volume --profile`: the stages after inference, one at a time on the model's real outputs, in process CPU time (a
/// loaded machine stretches wall time, not the work): softmax, smoothing, labelling on the source grid, clean-up.
/// </summary>
internal static class StageProfile
{
    public static void Run(ISegmentationModel model, IReadOnlyList<ModelInputSlab> inputs, SlabGrid grid, PipelineDefinition definition)
    {
        using var self = Process.GetCurrentProcess();
        TimeSpan Cpu()
        {
            self.Refresh();
            return self.TotalProcessorTime;
        }
        var manifest = model.Manifest;
        var pass = new ModelPass(model);
        var runner = new DeterministicRunner(pass, manifest.Input.Width, manifest.Input.Height);
        var classes = manifest.Output.Classes;
        var labeler = new SlabLabeler(grid, classes, [.. classes.Select(c => definition.ThresholdFor(c.Label, manifest.Output.DefaultThreshold))]);
        var smoother = definition.Smoothing.KernelFor(grid.Geometry.Spacing.Z) is { } weights
            ? new PipelineSeg.Pipeline.Smoothing.SlidingWindowSmoother(weights, definition.Smoothing.Edges, grid.Depth)
            : null;
        var (inference, smoothing, labelling) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        foreach (var input in inputs)
        {
            var mark = Cpu();
            var probabilities = runner.Run(input);
            var afterInference = Cpu();
            IReadOnlyList<ProbabilitySlab> slabs = smoother is null ? [probabilities] : smoother.Push(probabilities);
            var afterSmoothing = Cpu();
            foreach (var s in slabs)
            {
                labeler.Add(s);
            }
            (inference, smoothing, labelling) = (inference + (afterInference - mark), smoothing + (afterSmoothing - afterInference), labelling + (Cpu() - afterSmoothing));
        }
        if (smoother is not null)
        {
            var mark = Cpu();
            var rest = smoother.Complete();
            smoothing += Cpu() - mark;
            mark = Cpu();
            foreach (var s in rest)
            {
                labeler.Add(s);
            }
            labelling += Cpu() - mark;
        }
        var beforeCleanup = Cpu();
        var wall = Stopwatch.StartNew();
        LabelMapCleanup.Apply(labeler.Labels, classes, definition);
        var cleanup = Cpu() - beforeCleanup;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  profile (CPU): inference+softmax {inference.TotalMilliseconds:0} ms, smoothing {smoothing.TotalMilliseconds:0} ms, labelling {labelling.TotalMilliseconds:0} ms, clean-up {cleanup.TotalMilliseconds:0} ms ({wall.Elapsed.TotalMilliseconds:0} ms wall)"));
    }
}
