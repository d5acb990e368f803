using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Smoothing;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Stages;

/// <summary>Composes a <see cref="SlabPipeline"/> from a pipeline definition and its models.</summary>
public static class SlabPipelineFactory
{
    /// <summary>
    /// Single model, or an ensemble average of <paramref name="models"/> (same classes, same input; weighted when
    /// <see cref="InferenceDefinition.EnsembleWeights"/> are given); wrapped in test-time
    /// flips and/or Monte-Carlo passes as <see cref="PipelineDefinition.Inference"/> asks, smoothed as
    /// <see cref="PipelineDefinition.Smoothing"/> asks. <paramref name="slabSlices"/> slices per slab (= per model call);
    /// <paramref name="prefetchSlabs"/> slabs decoded ahead of inference (0: in turn).
    /// </summary>
    /// <exception cref="NotSupportedException">A model cannot do what the definition asks, or a clean-up rule names a segment it lacks (the message says which and why).</exception>
    public static SlabPipeline Create(PipelineDefinition definition, IReadOnlyList<ISegmentationModel> models, int slabSlices, int prefetchSlabs = 1)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("a pipeline needs at least one model", nameof(models));
        }
        var manifest = models[0].Manifest;
        var spec = manifest.Input;
        foreach (var member in models.Skip(1).Select(m => m.Manifest))
        {
            if (!SameInput(spec, member.Input) || !member.Output.Classes.Select(c => c.Label).SequenceEqual(manifest.Output.Classes.Select(c => c.Label), StringComparer.OrdinalIgnoreCase))
            {
                throw new NotSupportedException($"ensemble member '{member.Id}' differs from '{manifest.Id}' in its input or classes; members must share both");
            }
        }
        LabelMapCleanup.RequireKnownSegments(manifest.Output.Classes, definition.Cleanup.Keys);
        var weights = definition.Inference.EnsembleWeights;
        IProbabilityPass pass = models.Count == 1
            ? new ModelPass(models[0])
            : new EnsemblePass([.. models.Select(m => new ModelPass(m))], weights.Count > 0 ? weights : null);
        var inference = definition.Inference;
        if (inference.TestTimeFlips)
        {
            if (models.FirstOrDefault(m => !m.Manifest.Capabilities.TestTimeFlips) is { } unflipped)
            {
                throw new NotSupportedException($"model '{unflipped.Manifest.Id}' was not trained with flips (capabilities.testTimeFlips is false); test-time flips would leave its input distribution");
            }
            pass = new FlipPass(pass, spec.Channels, spec.Width, spec.Height);
        }
        IInferenceRunner runner = inference.EffectiveUncertaintySource switch
        {
            UncertaintySource.MonteCarlo => new MonteCarloRunner(pass, models, new MonteCarloOptions(inference.MonteCarloSamples, inference.MonteCarloSeed, inference.Uncertainty), spec.Width, spec.Height),
            UncertaintySource.Flips => new DisagreementRunner(
                [.. ((pass as FlipPass) ?? throw new NotSupportedException("UncertaintyFrom Flips needs TestTimeFlips")).Variants.Select(v => (v, 1.0))],
                inference.Uncertainty, spec.Width, spec.Height),
            UncertaintySource.Ensemble => new DisagreementRunner(EnsembleMembers(models, weights, inference.TestTimeFlips, spec), inference.Uncertainty, spec.Width, spec.Height),
            _ => new DeterministicRunner(pass, spec.Width, spec.Height),
        };
        var smoothing = definition.Smoothing;
        Func<SlabGrid, ISlabSmoother> smootherFor = grid => smoothing.KernelFor(grid.Geometry.Spacing.Z) is { } weights
            ? new SlidingWindowSmoother(weights, smoothing.Edges, grid.Depth)
            : new PassThroughSmoother();
        return new SlabPipeline(new SlabPreprocessor(spec, manifest.Id), runner, smootherFor, manifest.Output.Classes, definition, slabSlices, manifest.Output.DefaultThreshold, prefetchSlabs);
    }

    /// <summary>The ensemble's members that run (weight &gt; 0), each flipped when the pipeline flips, with its weight.</summary>
    private static List<(IProbabilityPass, double)> EnsembleMembers(IReadOnlyList<ISegmentationModel> models, IReadOnlyList<double> weights, bool flips, ModelInputSpec spec)
    {
        var members = new List<(IProbabilityPass, double)>();
        for (var m = 0; m < models.Count; m++)
        {
            var weight = weights.Count > 0 ? weights[m] : 1.0;
            if (weight > 0)
            {
                IProbabilityPass member = new ModelPass(models[m]);
                members.Add((flips ? new FlipPass(member, spec.Channels, spec.Width, spec.Height) : member, weight));
            }
        }
        if (members.Count < 2)
        {
            throw new NotSupportedException($"UncertaintyFrom Ensemble needs at least two models of positive weight, the pipeline runs {members.Count}");
        }
        return members;
    }

    private static bool SameInput(ModelInputSpec a, ModelInputSpec b)
    {
        var (i, j) = (a.Intensity, b.Intensity);
        return a.Channels == b.Channels && a.Height == b.Height && a.Width == b.Width && a.Layout == b.Layout && a.PixelSpacingMm == b.PixelSpacingMm
            && a.Color == b.Color && a.ChannelMean.SequenceEqual(b.ChannelMean) && a.ChannelStd.SequenceEqual(b.ChannelStd)
            && i.Kind == j.Kind && i.Center == j.Center && i.Width == j.Width && i.OutputMin == j.OutputMin && i.OutputMax == j.OutputMax
            && i.Mean == j.Mean && i.Std == j.Std;
    }
}
