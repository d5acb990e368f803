using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.GroundTruth;

/// <summary>
/// The model's critic (<see cref="ISegmentationModel.Critic"/>) on prediction vs ground truth, where the critic was
/// trained: at the model's input size, on the model input the pre-processing gives (the series is read a second time,
/// slab by slab). The foregrounds are the union of the scored pairs (predicted and ground-truth masks of the classes
/// matched by label), resized to the model plane like the image. Slices where neither has foreground are left out
/// (their distance is 0 by definition and would only dilute the figure with the scan's extent).
/// </summary>
public static class CriticScorer
{
    /// <summary>Slices read and judged per step.</summary>
    public const int SlabSlices = 8;

    /// <summary>Mean distance over the slices with foreground in either mask; null when there are none.</summary>
    public static async Task<double?> ScoreAsync(ISegmentationCritic critic, IVolumeSource source, ModelManifest manifest,
        IReadOnlyList<MaskPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(critic);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return null;
        }
        var predicted = Union(pairs.Select(p => p.Prediction));
        var truth = Union(pairs.Select(p => p.GroundTruth));
        var spec = manifest.Input;
        var preprocessor = new SlabPreprocessor(spec, manifest.Id);
        var (plane, inPerSlice) = (spec.Width * spec.Height, manifest.InputLength(1));
        var (sum, count) = (0.0, 0);
        await foreach (var slab in source.ReadAsync(SlabSlices, preprocessor.Halo, cancellationToken).ConfigureAwait(false))
        {
            var input = preprocessor.Prepare(slab, cancellationToken);
            slab.Release?.Invoke();
            var chosen = Enumerable.Range(slab.First, slab.Count).Where(z => HasForeground(predicted, z) || HasForeground(truth, z)).ToList();
            if (chosen.Count == 0)
            {
                continue;
            }
            var (image, p, g) = (new float[chosen.Count * inPerSlice], new float[chosen.Count * plane], new float[chosen.Count * plane]);
            for (var i = 0; i < chosen.Count; i++)
            {
                var z = chosen[i];
                input.Input.AsSpan((z - slab.First) * inPerSlice, inPerSlice).CopyTo(image.AsSpan(i * inPerSlice));
                ToModel(predicted, z, slab.Grid, spec).CopyTo(p.AsSpan(i * plane));
                ToModel(truth, z, slab.Grid, spec).CopyTo(g.AsSpan(i * plane));
            }
            var distances = new double[chosen.Count];
            critic.Distances(image, p, g, chosen.Count, distances, cancellationToken);
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

    private static float[] ToModel(Volume<byte> mask, int z, Slabs.SlabGrid grid, ModelInputSpec spec)
    {
        var slice = mask.Slice(z);
        var values = new float[slice.Length];
        for (var i = 0; i < slice.Length; i++)
        {
            values[i] = slice[i] != 0 ? 1f : 0f;
        }
        return InPlaneResampler.ToModel(values, grid, z, spec.Width, spec.Height, 0f, spec.PixelSpacingMm);
    }
}
