using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.GroundTruth;

/// <summary>
/// The model's critic (<see cref="ISegmentationModel.Critic"/>) on prediction vs ground truth, where the critic was
/// trained: at the model's input size, on the model input the pipeline's pre-processing gave. It watches the pipeline
/// (<see cref="IModelInputObserver"/>) and keeps the input of each slice with ground truth or with a label, so the series
/// is read once; the clean-up can only empty such slices, never fill others. The foregrounds are the union of the scored
/// pairs (predicted and ground-truth masks of the classes matched by label), resized to the model plane like the image.
/// Slices where neither has foreground are left out (their distance is 0 by definition and would only dilute the figure
/// with the scan's extent).
/// </summary>
public sealed class CriticScorer : IModelInputObserver
{
    /// <summary>Slices judged per critic call (in steps of this many source slices, so the sums do not depend on the pipeline's slab size).</summary>
    public const int SlabSlices = 8;

    private readonly ISegmentationCritic _critic;
    private readonly ModelInputSpec _spec;
    private readonly SlabGrid _grid;
    private readonly int _inPerSlice;
    private readonly byte _background;
    private readonly bool[] _truthSlices;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, float[]> _pending = [];
    private readonly Dictionary<int, float[]> _kept = [];

    /// <summary>Judges with <paramref name="critic"/> the model <paramref name="manifest"/> describes, on <paramref name="grid"/>, against <paramref name="placement"/>'s matched classes.</summary>
    public CriticScorer(ISegmentationCritic critic, ModelManifest manifest, SlabGrid grid, GroundTruthPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(critic);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(placement);
        (_critic, _spec, _grid, _inPerSlice) = (critic, manifest.Input, grid, manifest.InputLength(1));
        _background = (byte)manifest.Output.Classes.Select((c, i) => (c, i)).FirstOrDefault(t => t.c.IsBackground).i; // as SlabLabeler writes it
        _truthSlices = new bool[grid.Depth];
        foreach (var (_, truth) in placement.Matched)
        {
            for (var z = 0; z < _truthSlices.Length; z++)
            {
                _truthSlices[z] |= HasForeground(truth, z);
            }
        }
    }

    /// <inheritdoc />
    public void AddInput(ModelInputSlab input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var s = 0; s < input.Count; s++)
        {
            var copy = input.Input.AsSpan(s * _inPerSlice, _inPerSlice).ToArray();
            lock (_gate)
            {
                _pending[input.First + s] = copy;
            }
        }
    }

    /// <inheritdoc />
    public void Labelled(Volume<byte> labels, int first, int count)
    {
        ArgumentNullException.ThrowIfNull(labels);
        for (var z = first; z < first + count; z++)
        {
            var needed = _truthSlices[z] || labels.Slice(z).ContainsAnyExcept(_background);
            lock (_gate)
            {
                if (_pending.Remove(z, out var input) && needed)
                {
                    _kept[z] = input;
                }
            }
        }
    }

    /// <summary>Mean distance over the slices with foreground in either mask of <paramref name="pairs"/> (scored on the final labels); null when there are none.</summary>
    /// <exception cref="InvalidOperationException">A slice with foreground was never labelled (the pipeline did not finish).</exception>
    public double? Score(IReadOnlyList<MaskPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return null;
        }
        var predicted = Union(pairs.Select(p => p.Prediction));
        var truth = Union(pairs.Select(p => p.GroundTruth));
        var plane = _spec.Width * _spec.Height;
        var (sum, count) = (0.0, 0);
        var judged = Enumerable.Range(0, _grid.Depth).Where(z => HasForeground(predicted, z) || HasForeground(truth, z));
        foreach (var step in judged.GroupBy(z => z / SlabSlices))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chosen = step.ToList();
            var (image, p, g) = (new float[chosen.Count * _inPerSlice], new float[chosen.Count * plane], new float[chosen.Count * plane]);
            for (var i = 0; i < chosen.Count; i++)
            {
                var z = chosen[i];
                var input = _kept.GetValueOrDefault(z) ?? throw new InvalidOperationException($"slice {z} has foreground but was never labelled");
                input.CopyTo(image.AsSpan(i * _inPerSlice));
                ToModel(predicted, z).CopyTo(p.AsSpan(i * plane));
                ToModel(truth, z).CopyTo(g.AsSpan(i * plane));
            }
            var distances = new double[chosen.Count];
            _critic.Distances(image, p, g, chosen.Count, distances, cancellationToken);
            sum += distances.Sum();
            count += chosen.Count;
        }
        return count > 0 ? sum / count : null;
    }

    private static Volume<byte> Union(IEnumerable<Volume<byte>> masks)
    {
        Volume<byte>? union = null;
        foreach (var mask in masks)
        {
            union ??= mask.CreateLike<byte>();
            var u = union.Span;
            var m = mask.Span;
            for (var i = 0; i < u.Length; i++)
            {
                u[i] = (byte)(u[i] | (m[i] != 0 ? 1 : 0));
            }
        }
        return union!;
    }

    private static bool HasForeground(Volume<byte> mask, int z) => mask.Slice(z).ContainsAnyExcept((byte)0);

    private float[] ToModel(Volume<byte> mask, int z)
    {
        var slice = mask.Slice(z);
        var values = new float[slice.Length];
        for (var i = 0; i < slice.Length; i++)
        {
            values[i] = slice[i] != 0 ? 1f : 0f;
        }
        return InPlaneResampler.ToModel(values, _grid, z, _spec.Width, _spec.Height, 0f, _spec.PixelSpacingMm);
    }
}
