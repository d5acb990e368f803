using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Inference;

public sealed class DisagreementTests
{
    /// <summary>A pass whose output depends on the position of its input values, so each flip predicts differently.</summary>
    private sealed class PositionPass(int classes) : IProbabilityPass
    {
        public int Classes => classes;

        public void Run(ReadOnlySpan<float> input, int sliceCount, Span<float> probabilities, CancellationToken cancellationToken)
        {
            var plane = input.Length / sliceCount;
            for (var i = 0; i < probabilities.Length; i++)
            {
                var p = i % plane;
                probabilities[i] = (float)((Math.Sin(input[p] + (0.37 * p) + (i / plane)) + 1) / 2);
            }
        }
    }

    [SkippableFact]
    public void Flip_spread_is_the_population_std_of_the_four_flipped_predictions()
    {
        const int width = 5, height = 4, slices = 2, classes = 2;
        var input = Enumerable.Range(0, slices * width * height).Select(i => (float)(i * i % 13)).ToArray();
        var flips = new FlipPass(new PositionPass(classes), 1, width, height);
        var runner = new DisagreementRunner([.. flips.Variants.Select(v => (v, 1.0))], UncertaintyMeasure.Variance, width, height);
        var slab = runner.Run(new ModelInputSlab(3, slices, input));

        // direct computation: the inner pass on each mirrored input, its output mirrored back
        var predictions = new List<float[]>();
        foreach (var (x, y) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var mirrored = (float[])input.Clone();
            MirroredPass.Mirror(mirrored, slices, width, height, x, y);
            var output = new float[slices * classes * width * height];
            new PositionPass(classes).Run(mirrored, slices, output, CancellationToken.None);
            MirroredPass.Mirror(output, slices * classes, width, height, x, y);
            predictions.Add(output);
        }
        Assert.NotNull(slab.Spread);
        var averaged = new float[slab.Probabilities.Length];
        flips.Run(input, slices, averaged, CancellationToken.None);
        for (var i = 0; i < slab.Probabilities.Length; i++)
        {
            var values = predictions.Select(p => (double)p[i]).ToArray();
            var mean = values.Average();
            var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
            Assert.InRange(slab.Probabilities[i] - mean, -1e-6, 1e-6);
            Assert.InRange(slab.Probabilities[i] - averaged[i], -1e-6, 1e-6); // the average FlipPass gives
            Assert.InRange(slab.Spread[i] - std, -1e-6, 1e-6);
        }
        Assert.Contains(slab.Spread, s => s > 0.05);
        Assert.Equal(3, slab.First);
    }

    [SkippableFact]
    public void Ensemble_spread_is_the_weighted_std_of_the_members()
    {
        var members = new (IProbabilityPass, double)[] { (new FixedPass(2, i => 0.2f + (0.01f * i)), 3), (new FixedPass(2, _ => 0.6f), 1) };
        var slab = new DisagreementRunner(members, UncertaintyMeasure.PredictiveEntropy, 2, 1).Run(new ModelInputSlab(0, 1, new float[2]));
        for (var i = 0; i < 4; i++)
        {
            double a = 0.2f + (0.01f * i), b = 0.6f;
            var mean = (0.75 * a) + (0.25 * b);
            var std = Math.Sqrt((0.75 * (a - mean) * (a - mean)) + (0.25 * (b - mean) * (b - mean)));
            Assert.InRange(slab.Probabilities[i] - mean, -1e-6, 1e-6);
            Assert.InRange(slab.Spread![i] - std, -1e-6, 1e-6);
        }
        Assert.Throws<ArgumentException>(() => new DisagreementRunner([members[0]], UncertaintyMeasure.Variance, 2, 1));
    }

    [SkippableFact]
    public async Task Pipelines_give_flip_and_ensemble_spread_maps_and_validate_the_source()
    {
        var hu = SyntheticVolumes.Blocks(n: 40, depth: 3);
        using var a = new ThresholdModel(32, flips: true);
        using var b = new ThresholdModel(32, OutputKind.Logits, flips: true, id: "other");
        var byFlips = new PipelineDefinition { Model = "threshold" };
        byFlips.Inference.TestTimeFlips = true;
        byFlips.Inference.UncertaintyFrom = UncertaintySource.Flips;
        var byEnsemble = new PipelineDefinition { Model = "threshold" };
        byEnsemble.Inference.EnsembleModels.Add("other");
        byEnsemble.Inference.UncertaintyFrom = UncertaintySource.Ensemble;
        Assert.Empty(byFlips.Validate("p"));
        Assert.Empty(byEnsemble.Validate("p"));

        var flipped = await SlabPipelineFactory.Create(byFlips, [a], 2).RunAsync(new InMemoryVolumeSource(hu));
        var ensembled = await SlabPipelineFactory.Create(byEnsemble, [a, b], 2).RunAsync(new InMemoryVolumeSource(hu));
        Assert.NotNull(flipped.Spread);
        Assert.NotNull(ensembled.Spread);
        Assert.Equal(["liver", "lesion"], ensembled.Spread.Select(m => m.Class.Label));
        Assert.NotNull(ensembled.MeanUncertainty);
        Assert.Contains(ensembled.Spread[0].Map.Array, v => v > 0); // the members disagree where their outputs differ

        var bad = new PipelineDefinition { Model = "threshold" };
        bad.Inference.UncertaintyFrom = UncertaintySource.Flips;
        Assert.Contains("Pipelines:p:Inference:UncertaintyFrom Flips needs TestTimeFlips true", bad.Validate("p"));
        bad.Inference.UncertaintyFrom = UncertaintySource.Ensemble;
        Assert.Contains("Pipelines:p:Inference:UncertaintyFrom Ensemble needs EnsembleModels (at least one besides Model)", bad.Validate("p"));
        bad.Inference.EnsembleModels.Add("other");
        bad.Inference.MonteCarloSamples = 4;
        Assert.Contains("Pipelines:p:Inference:UncertaintyFrom Ensemble cannot be combined with MonteCarloSamples (one source of uncertainty at a time)", bad.Validate("p"));
    }
}
