using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Inference;

public sealed class MonteCarloTests
{
    private static double H(params double[] p) => -p.Sum(v => v * Math.Log(v));

    [SkippableFact]
    public void Accumulator_gives_mean_entropy_mutual_information_and_variance()
    {
        // One pixel, two classes, two samples: (0.2, 0.8) and (0.6, 0.4); mean (0.4, 0.6).
        var accumulator = new MonteCarloAccumulator(slices: 1, classes: 2, plane: 1);
        accumulator.Add([0.2f, 0.8f]);
        accumulator.Add([0.6f, 0.4f]);
        var (mean, u) = (new float[2], new float[1]);

        accumulator.Write(mean, u, UncertaintyMeasure.PredictiveEntropy);
        Assert.Equal(0.4f, mean[0], 6);
        Assert.Equal(0.6f, mean[1], 6);
        Assert.Equal(H(0.4, 0.6), u[0], 5);
        accumulator.Write(mean, u, UncertaintyMeasure.MutualInformation);
        Assert.Equal(H(0.4, 0.6) - ((H(0.2, 0.8) + H(0.6, 0.4)) / 2), u[0], 5);
        accumulator.Write(mean, u, UncertaintyMeasure.Variance);
        Assert.Equal(0.04, u[0], 5); // class 1 (mean 0.6): samples 0.8 and 0.4
    }

    [SkippableFact]
    public void Without_sample_entropies_the_other_measures_are_the_same_and_mutual_information_is_refused()
    {
        var (full, lean) = (new MonteCarloAccumulator(1, 2, 1), new MonteCarloAccumulator(1, 2, 1, sampleEntropies: false));
        foreach (var accumulator in new[] { full, lean })
        {
            accumulator.Add([0.2f, 0.8f]);
            accumulator.Add([0.6f, 0.4f]);
        }
        foreach (var measure in new[] { UncertaintyMeasure.PredictiveEntropy, UncertaintyMeasure.Variance })
        {
            var (fullMean, fullU, leanMean, leanU) = (new float[2], new float[1], new float[2], new float[1]);
            full.Write(fullMean, fullU, measure);
            lean.Write(leanMean, leanU, measure);
            Assert.Equal(fullMean, leanMean);
            Assert.Equal(fullU, leanU);
        }
        var error = Assert.Throws<InvalidOperationException>(() => lean.Write(new float[2], new float[1], UncertaintyMeasure.MutualInformation));
        Assert.Contains("entropies", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Runner_seeds_each_slab_by_its_first_slice_and_switches_stochastic_mode_off()
    {
        using var model = new ThresholdModel(4, stochastic: true);
        var runner = new MonteCarloRunner(new ModelPass(model), [model], new MonteCarloOptions(Samples: 3, Seed: 5), 4, 4);
        var input = new ModelInputSlab(6, 1, new float[16]);

        var a = runner.Run(input);
        var b = runner.Run(input);
        var other = runner.Run(input with { First = 7 });

        Assert.Equal(a.Probabilities, b.Probabilities);
        Assert.Equal(a.Uncertainty, b.Uncertainty);
        Assert.NotEqual(a.Probabilities, other.Probabilities);
        Assert.Equal(2, model.StochasticSeeds.Distinct().Count());
        Assert.False(model.IsStochastic);
        Assert.All(a.Uncertainty!, v => Assert.InRange(v, 0f, MathF.Log(3) + 1e-5f));
        Assert.Contains(a.Uncertainty!, v => v > 0);
    }

    [SkippableFact]
    public void Runner_refuses_models_without_a_stochastic_mode()
    {
        using var model = new ThresholdModel(4);
        Assert.Throws<NotSupportedException>(() => new MonteCarloRunner(new ModelPass(model), [model], new MonteCarloOptions(2), 4, 4));
    }
}
