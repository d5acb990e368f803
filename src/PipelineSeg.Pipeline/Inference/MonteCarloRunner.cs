using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Inference;

/// <summary>
/// Monte-Carlo dropout over any model with a stochastic mode: switches the models to stochastic passes seeded per slab
/// (seed and first slice, so a slab's masks do not depend on how the series was cut), runs the pass
/// <see cref="MonteCarloOptions.Samples"/> times and returns the mean probabilities and the per-pixel uncertainty.
/// </summary>
public sealed class MonteCarloRunner : IInferenceRunner
{
    private readonly IProbabilityPass _pass;
    private readonly IReadOnlyList<ISegmentationModel> _models;
    private readonly MonteCarloOptions _options;
    private readonly int _width;
    private readonly int _height;
    private MonteCarloAccumulator? _accumulator;

    /// <summary>Samples <paramref name="pass"/>, whose stochastic parts are <paramref name="models"/>.</summary>
    /// <exception cref="NotSupportedException">A model does not declare a stochastic mode.</exception>
    public MonteCarloRunner(IProbabilityPass pass, IReadOnlyList<ISegmentationModel> models, MonteCarloOptions options, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Samples, 2);
        if (models.FirstOrDefault(m => !m.Manifest.Capabilities.MonteCarloDropout) is { } plain)
        {
            throw new NotSupportedException($"model '{plain.Manifest.Id}' has no stochastic mode (capabilities.monteCarloDropout is false); Monte-Carlo passes need one");
        }
        (_pass, _models, _options, _width, _height) = (pass, models, options, width, height);
    }

    /// <inheritdoc />
    public ProbabilitySlab Run(ModelInputSlab slab, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slab);
        var plane = _width * _height;
        // one slab at a time: the sums (megabytes of doubles) serve every slab of the same size
        var accumulator = _accumulator is { } last && last.Slices == slab.Count ? last : new MonteCarloAccumulator(slab.Count, _pass.Classes, plane,
            sampleEntropies: _options.Measure == UncertaintyMeasure.MutualInformation);
        accumulator.Reset();
        _accumulator = accumulator;
        var sample = new float[slab.Count * _pass.Classes * plane];
        var seed = unchecked((_options.Seed * 1_000_003) + slab.First);
        try
        {
            for (var m = 0; m < _models.Count; m++)
            {
                _models[m].EnableStochasticMode(unchecked(seed + (m * 7919)));
            }
            for (var s = 0; s < _options.Samples; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _pass.Run(slab.Input, slab.Count, sample, cancellationToken);
                accumulator.Add(sample);
            }
        }
        finally
        {
            foreach (var model in _models)
            {
                model.DisableStochasticMode();
            }
        }
        var mean = new float[sample.Length];
        var uncertainty = new float[slab.Count * plane];
        accumulator.Write(mean, uncertainty, _options.Measure);
        var spread = new float[sample.Length];
        accumulator.WriteSpread(spread);
        return new ProbabilitySlab(slab.First, slab.Count, _pass.Classes, _width, _height, mean, uncertainty, spread);
    }
}
