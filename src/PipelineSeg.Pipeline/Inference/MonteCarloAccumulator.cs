namespace PipelineSeg.Pipeline.Inference;

/// <summary>
/// Running sums over Monte-Carlo samples of class probabilities [N, K, H, W], and the uncertainty maps derived from them
/// (moved from the U-Net plugin: sampling is a pipeline concern over any model with a stochastic mode).
/// </summary>
public sealed class MonteCarloAccumulator
{
    private readonly int _classes;
    private readonly int _plane;
    private readonly double[] _sum;
    private readonly double[] _sumSquares;
    private readonly double[]? _sumEntropy;
    private readonly int _pixels;
    private double _samples;

    /// <summary>
    /// Sums for <paramref name="slices"/> slices of <paramref name="classes"/> planes of <paramref name="plane"/> pixels.
    /// <paramref name="sampleEntropies"/>: also sum each sample's entropy, which only
    /// <see cref="UncertaintyMeasure.MutualInformation"/> needs (a logarithm per class, pixel and sample: on a 871-slice
    /// series with 8 passes, about 340 million of them on the inference thread).
    /// </summary>
    public MonteCarloAccumulator(int slices, int classes, int plane, bool sampleEntropies = true)
    {
        (_classes, _plane, _pixels) = (classes, plane, slices * plane);
        _sum = new double[slices * classes * plane];
        _sumSquares = new double[_sum.Length];
        _sumEntropy = sampleEntropies ? new double[_pixels] : null;
    }

    /// <summary>Slices the sums hold.</summary>
    public int Slices => _pixels / _plane;

    /// <summary>Forgets every sample, so the sums can serve the next slab of the same size.</summary>
    public void Reset()
    {
        Array.Clear(_sum);
        Array.Clear(_sumSquares);
        if (_sumEntropy is not null)
        {
            Array.Clear(_sumEntropy);
        }
        _samples = 0;
    }

    /// <summary>Adds one sample.</summary>
    public void Add(ReadOnlySpan<float> probabilities) => Add(probabilities, 1);

    /// <summary>
    /// Adds one sample of <paramref name="weight"/> (&gt; 0): means, spreads and entropies become weighted ones (the
    /// weighted population std of an ensemble averaged with those weights). Weight 1 is the plain sample.
    /// </summary>
    public void Add(ReadOnlySpan<float> probabilities, double weight)
    {
        if (!(weight > 0) || !double.IsFinite(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "a sample's weight is positive");
        }
        for (var i = 0; i < _sum.Length; i++)
        {
            var p = weight * probabilities[i];
            _sum[i] += p;
            _sumSquares[i] += p * probabilities[i];
        }
        for (var pixel = 0; _sumEntropy is not null && pixel < _sumEntropy.Length; pixel++)
        {
            _sumEntropy[pixel] += weight * Entropy(probabilities, pixel);
        }
        _samples += weight;
    }

    /// <summary>Writes the mean probabilities and the requested per-pixel uncertainty.</summary>
    public void Write(Span<float> mean, Span<float> uncertainty, UncertaintyMeasure measure)
    {
        if (_samples == 0)
        {
            throw new InvalidOperationException("no Monte-Carlo sample was added");
        }
        if (measure == UncertaintyMeasure.MutualInformation && _sumEntropy is null)
        {
            throw new InvalidOperationException("mutual information needs the samples' entropies, which these sums do not keep");
        }
        var inv = 1.0 / _samples;
        for (var i = 0; i < _sum.Length; i++)
        {
            mean[i] = (float)(_sum[i] * inv);
        }
        for (var pixel = 0; pixel < _pixels; pixel++)
        {
            var (n, p) = Math.DivRem(pixel, _plane);
            var entropyOfMean = Entropy(mean, pixel);
            uncertainty[pixel] = measure switch
            {
                UncertaintyMeasure.PredictiveEntropy => (float)entropyOfMean,
                UncertaintyMeasure.MutualInformation => (float)Math.Max(0, entropyOfMean - (_sumEntropy![pixel] * inv)),
                UncertaintyMeasure.Variance => (float)VarianceOfTopClass(n, p, inv),
                _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "unknown uncertainty measure"),
            };
        }
    }

    /// <summary>
    /// Writes the standard deviation over samples of every class probability, [N, K, H, W] like the samples (population
    /// std: the samples are all there is, not a draw to generalise from).
    /// </summary>
    public void WriteSpread(Span<float> spread)
    {
        if (_samples == 0)
        {
            throw new InvalidOperationException("no Monte-Carlo sample was added");
        }
        var inv = 1.0 / _samples;
        for (var i = 0; i < _sum.Length; i++)
        {
            var m = _sum[i] * inv;
            spread[i] = (float)Math.Sqrt(Math.Max(0, (_sumSquares[i] * inv) - (m * m)));
        }
    }

    private double VarianceOfTopClass(int n, int p, double inv)
    {
        var best = 0;
        for (var c = 1; c < _classes; c++)
        {
            if (_sum[Index(n, c, p)] > _sum[Index(n, best, p)])
            {
                best = c;
            }
        }
        var m = _sum[Index(n, best, p)] * inv;
        return Math.Max(0, (_sumSquares[Index(n, best, p)] * inv) - (m * m));
    }

    private double Entropy(ReadOnlySpan<float> probabilities, int pixel)
    {
        var (n, p) = Math.DivRem(pixel, _plane);
        double h = 0;
        for (var c = 0; c < _classes; c++)
        {
            double v = probabilities[Index(n, c, p)];
            if (v > 0)
            {
                h -= v * Math.Log(v);
            }
        }
        return h;
    }

    private int Index(int n, int c, int p) => (((n * _classes) + c) * _plane) + p;
}
