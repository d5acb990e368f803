using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Smoothing;

/// <summary>
/// Weighted average of each slice's class probabilities with its <c>radius</c> neighbours either side (moving average or
/// Gaussian weights), renormalised where the series ends. A slice leaves once its last neighbour has arrived, so the
/// smoother holds at most 2·radius + slab slices. Uncertainty maps pass through unsmoothed.
/// </summary>
public sealed class SlidingWindowSmoother : ISlabSmoother
{
    private readonly double[] _weights;
    private readonly int _radius;
    private readonly int _depth;
    private readonly SortedDictionary<int, (float[] Probabilities, float[]? Uncertainty)> _window = [];
    private (int Classes, int Width, int Height) _shape;
    private int _next;

    /// <summary>A smoother over a series of <paramref name="depth"/> slices.</summary>
    public SlidingWindowSmoother(SmoothingKind kind, int radius, double sigma, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(radius, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        if (kind == SmoothingKind.Gaussian && !(sigma > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "a Gaussian needs a positive sigma");
        }
        _weights = [.. Enumerable.Range(-radius, (2 * radius) + 1).Select(d => kind switch
        {
            SmoothingKind.MovingAverage => 1.0,
            SmoothingKind.Gaussian => Math.Exp(-(d * d) / (2 * sigma * sigma)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a smoothing window"),
        })];
        (_radius, _depth) = (radius, depth);
    }

    /// <inheritdoc />
    public IReadOnlyList<ProbabilitySlab> Push(ProbabilitySlab slab)
    {
        ArgumentNullException.ThrowIfNull(slab);
        _shape = (slab.Classes, slab.Width, slab.Height);
        var perSlice = slab.Classes * slab.Plane;
        for (var s = 0; s < slab.Count; s++)
        {
            _window[slab.First + s] = (slab.Probabilities.AsSpan(s * perSlice, perSlice).ToArray(), slab.Uncertainty?.AsSpan(s * slab.Plane, slab.Plane).ToArray());
        }
        return Emit(slab.First + slab.Count - 1 - _radius);
    }

    /// <inheritdoc />
    public IReadOnlyList<ProbabilitySlab> Complete() => Emit(_depth - 1);

    /// <summary>Smooths and returns slices _next … <paramref name="last"/> as one slab, and forgets slices no longer needed.</summary>
    private List<ProbabilitySlab> Emit(int last)
    {
        last = Math.Min(last, _depth - 1);
        if (last < _next)
        {
            return [];
        }
        var (classes, width, height) = _shape;
        var perSlice = classes * width * height;
        var count = last - _next + 1;
        var probabilities = new float[count * perSlice];
        var withUncertainty = _window[_next].Uncertainty is not null;
        var uncertainty = withUncertainty ? new float[count * width * height] : null;
        for (var z = _next; z <= last; z++)
        {
            var target = probabilities.AsSpan((z - _next) * perSlice, perSlice);
            Smooth(z, target);
            _window[z].Uncertainty?.CopyTo(uncertainty.AsSpan((z - _next) * width * height));
        }
        var slab = new ProbabilitySlab(_next, count, classes, width, height, probabilities, uncertainty);
        _next = last + 1;
        foreach (var old in _window.Keys.Where(k => k < _next - _radius).ToList())
        {
            _window.Remove(old);
        }
        return [slab];
    }

    private void Smooth(int z, Span<float> target)
    {
        var sum = new double[target.Length];
        var total = 0.0;
        for (var d = -_radius; d <= _radius; d++)
        {
            if (!_window.TryGetValue(z + d, out var neighbour))
            {
                continue; // beyond the series' ends
            }
            var w = _weights[d + _radius];
            total += w;
            var p = neighbour.Probabilities;
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += w * p[i];
            }
        }
        for (var i = 0; i < sum.Length; i++)
        {
            target[i] = (float)(sum[i] / total);
        }
    }
}
