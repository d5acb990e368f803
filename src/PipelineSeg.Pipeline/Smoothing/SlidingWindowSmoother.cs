using System.Buffers;
using System.Numerics.Tensors;
using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Smoothing;

/// <summary>
/// Weighted average of each slice's class probabilities with its <c>radius</c> neighbours either side (moving average or
/// Gaussian weights, see <see cref="SmoothingKernel"/>); at the series' ends as <see cref="SmoothingEdges"/> says. A slice
/// leaves once its last neighbour has arrived, so the smoother holds at most 2·radius + slab slices, and the result does
/// not depend on how the series was cut into slabs. Uncertainty and spread maps pass through unsmoothed.
/// </summary>
public sealed class SlidingWindowSmoother : ISlabSmoother
{
    private readonly double[] _weights;
    private readonly int _radius;
    private readonly int _depth;
    private readonly SmoothingEdges _edges;
    private readonly SortedDictionary<int, (float[] Probabilities, float[]? Uncertainty, float[]? Spread)> _window = [];
    private (int Classes, int Width, int Height) _shape;
    private int _next;

    /// <summary>A smoother over a series of <paramref name="depth"/> slices with radius-<paramref name="radius"/> weights of <paramref name="kind"/>, ends renormalised.</summary>
    public SlidingWindowSmoother(SmoothingKind kind, int radius, double sigma, int depth)
        : this(kind switch
        {
            SmoothingKind.MovingAverage => SmoothingKernel.MovingAverage(radius),
            SmoothingKind.Gaussian => SmoothingKernel.Gaussian(sigma, radius),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a smoothing window"),
        }, SmoothingEdges.Renormalise, depth)
    {
    }

    /// <summary>A smoother over a series of <paramref name="depth"/> slices with <paramref name="weights"/> (odd length ≥ 3, positive).</summary>
    public SlidingWindowSmoother(IReadOnlyList<double> weights, SmoothingEdges edges, int depth)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count < 3 || weights.Count % 2 == 0 || weights.Any(w => !(w > 0) || !double.IsFinite(w)))
        {
            throw new ArgumentException("a smoothing window has an odd number (≥ 3) of positive weights", nameof(weights));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        (_weights, _radius, _edges, _depth) = ([.. weights], weights.Count / 2, edges, depth);
    }

    /// <inheritdoc />
    public IReadOnlyList<ProbabilitySlab> Push(ProbabilitySlab slab)
    {
        ArgumentNullException.ThrowIfNull(slab);
        _shape = (slab.Classes, slab.Width, slab.Height);
        var perSlice = slab.Classes * slab.Plane;
        for (var s = 0; s < slab.Count; s++)
        {
            // pooled: each slice is 3 × 128 × 128 floats, a large object the GC would otherwise collect over and over
            var copy = ArrayPool<float>.Shared.Rent(perSlice);
            slab.Probabilities.AsSpan(s * perSlice, perSlice).CopyTo(copy);
            if (_window.Remove(slab.First + s, out var replaced))
            {
                ArrayPool<float>.Shared.Return(replaced.Probabilities);
            }
            _window[slab.First + s] = (copy, slab.Uncertainty?.AsSpan(s * slab.Plane, slab.Plane).ToArray(),
                slab.Spread?.AsSpan(s * perSlice, perSlice).ToArray());
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
        var spread = _window[_next].Spread is not null ? new float[count * perSlice] : null;
        var first = _next;
        // one slice after another: the pipeline smooths on its labelling task, beside inference, which keeps the cores busy
        for (var z = first; z <= last; z++)
        {
            Smooth(z, probabilities.AsSpan((z - first) * perSlice, perSlice));
            _window[z].Uncertainty?.CopyTo(uncertainty.AsSpan((z - first) * width * height));
            _window[z].Spread?.CopyTo(spread.AsSpan((z - first) * perSlice));
        }
        var slab = new ProbabilitySlab(_next, count, classes, width, height, probabilities, uncertainty, spread);
        _next = last + 1;
        foreach (var old in _window.Keys.Where(k => k < _next - _radius).ToList())
        {
            _window.Remove(old, out var slice);
            ArrayPool<float>.Shared.Return(slice.Probabilities);
        }
        return [slab];
    }

    /// <summary>
    /// Slice <paramref name="z"/>'s weighted average in float, one multiply-add per neighbour and element
    /// (TensorPrimitives, vectorised), the weights normalised over the neighbours present first; the neighbours are
    /// always summed in the same order, so the result does not depend on the slab cut.
    /// </summary>
    private void Smooth(int z, Span<float> target)
    {
        var total = 0.0;
        for (var d = -_radius; d <= _radius; d++)
        {
            total += _window.ContainsKey(At(z, d)) ? _weights[d + _radius] : 0; // beyond the series' ends: left out, the rest renormalised
        }
        target.Clear();
        for (var d = -_radius; d <= _radius; d++)
        {
            if (_window.TryGetValue(At(z, d), out var neighbour))
            {
                TensorPrimitives.MultiplyAdd(neighbour.Probabilities.AsSpan(0, target.Length), (float)(_weights[d + _radius] / total), target, target);
            }
        }
    }

    private int At(int z, int d) => _edges == SmoothingEdges.Nearest ? Math.Clamp(z + d, 0, _depth - 1) : z + d;
}
