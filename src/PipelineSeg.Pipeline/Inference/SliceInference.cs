using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Resampling;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Inference;

/// <summary>
/// Runs a 2-D segmentation model over a CT volume slice by slice, the way its manifest says: each slice resized over
/// its whole field of view to the model's input size (bilinear, voxel edges aligned), channels filled per layout,
/// intensity transform applied, and the class probabilities resized back onto the source grid.
/// </summary>
public static class SliceInference
{
    /// <summary>Value outside the scanned field of view when resizing (air).</summary>
    private const float AirHu = -1024f;

    /// <summary>Segments <paramref name="hounsfield"/> (HU, [z][y][x]) with <paramref name="model"/>.</summary>
    public static ClassProbabilities Run(Volume<float> hounsfield, ISegmentationModel model, int slicesPerBatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hounsfield);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(slicesPerBatch, 1);
        var manifest = model.Manifest;
        var spec = manifest.Input;
        if (spec.PixelSpacingMm is not null)
        {
            throw new NotSupportedException($"model '{manifest.Id}' asks for a fixed pixel spacing; this pipeline resizes over the field of view only");
        }
        if (manifest.Output.Kind is not (OutputKind.Probabilities or OutputKind.Logits))
        {
            throw new NotSupportedException($"model '{manifest.Id}' produces {manifest.Output.Kind}, not a segmentation");
        }

        var resized = hounsfield.Width == spec.Width && hounsfield.Height == spec.Height
            ? hounsfield
            : Resampler.ResampleInPlane(hounsfield, spec.Width, spec.Height, Interpolation.Linear, AirHu);
        var classes = manifest.Output.Channels;
        var plane = spec.Width * spec.Height;
        var depth = hounsfield.Depth;
        var batch = Math.Min(slicesPerBatch, depth);
        var probabilities = new float[classes][];
        for (var k = 0; k < classes; k++)
        {
            probabilities[k] = new float[depth * plane];
        }
        var input = new float[manifest.InputLength(batch)];
        var output = new float[manifest.OutputLength(batch)];
        for (var z0 = 0; z0 < depth; z0 += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(batch, depth - z0);
            var inSpan = input.AsSpan(0, manifest.InputLength(n));
            var outSpan = output.AsSpan(0, manifest.OutputLength(n));
            FillChannels(resized, spec, z0, n, inSpan);
            spec.Intensity.Apply(inSpan);
            model.Predict(inSpan, n, outSpan, cancellationToken);
            if (manifest.Output.Kind == OutputKind.Logits)
            {
                Softmax.AcrossChannels(outSpan, n, classes, plane);
            }
            for (var s = 0; s < n; s++)
            {
                for (var k = 0; k < classes; k++)
                {
                    outSpan.Slice(((s * classes) + k) * plane, plane).CopyTo(probabilities[k].AsSpan((z0 + s) * plane, plane));
                }
            }
        }

        var volumes = new Volume<float>[classes];
        for (var k = 0; k < classes; k++)
        {
            var atModelSize = new Volume<float>(new VolumeSize(spec.Width, spec.Height, depth), resized.Geometry, probabilities[k]);
            var outside = manifest.Output.Classes[k].IsBackground ? 1f : 0f;
            volumes[k] = ReferenceEquals(resized, hounsfield)
                ? atModelSize
                : Resampler.ResampleLike(atModelSize, hounsfield, Interpolation.Linear, outside);
        }
        return new ClassProbabilities(manifest.Output.Classes, volumes);
    }

    private static void FillChannels(Volume<float> volume, ModelInputSpec spec, int z0, int count, Span<float> input)
    {
        var plane = spec.Width * spec.Height;
        var channels = spec.Channels;
        for (var s = 0; s < count; s++)
        {
            for (var c = 0; c < channels; c++)
            {
                // SingleSlice repeats the slice in every channel; AdjacentSlices takes neighbours, repeating the edges.
                var z = spec.Layout == ChannelLayout.AdjacentSlices
                    ? Math.Clamp(z0 + s - (channels / 2) + c, 0, volume.Depth - 1)
                    : z0 + s;
                volume.Slice(z).CopyTo(input.Slice(((s * channels) + c) * plane, plane));
            }
        }
    }
}
