using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Resampling;
using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Stages;

/// <summary>
/// The whole-volume path the slab stages replaced (SliceInference.Run + LabelMapBuilder.ArgmaxWithThreshold before
/// issue 16), kept as the oracle: the slab pipeline must give the same labels.
/// </summary>
internal static class WholeVolumeReference
{
    public static Volume<byte> Labels(Volume<float> hounsfield, ISegmentationModel model, int slicesPerBatch, double threshold)
    {
        var manifest = model.Manifest;
        var spec = manifest.Input;
        var resized = hounsfield.Width == spec.Width && hounsfield.Height == spec.Height
            ? hounsfield
            : Resampler.ResampleInPlane(hounsfield, spec.Width, spec.Height, Interpolation.Linear, -1024f);
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
            var n = Math.Min(batch, depth - z0);
            var inSpan = input.AsSpan(0, manifest.InputLength(n));
            var outSpan = output.AsSpan(0, manifest.OutputLength(n));
            for (var s = 0; s < n; s++)
            {
                for (var c = 0; c < spec.Channels; c++)
                {
                    var z = spec.Layout == ChannelLayout.AdjacentSlices ? Math.Clamp(z0 + s - (spec.Channels / 2) + c, 0, depth - 1) : z0 + s;
                    resized.Slice(z).CopyTo(inSpan.Slice(((s * spec.Channels) + c) * plane, plane));
                }
            }
            spec.Intensity.Apply(inSpan);
            model.Predict(inSpan, n, outSpan);
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
            volumes[k] = ReferenceEquals(resized, hounsfield) ? atModelSize : Resampler.ResampleLike(atModelSize, hounsfield, Interpolation.Linear, outside);
        }
        var labels = hounsfield.CreateLike<byte>();
        var background = manifest.Output.Classes.Select((c, i) => (c, i)).FirstOrDefault(t => t.c.IsBackground).i;
        for (var i = 0; i < labels.Length; i++)
        {
            var (best, bestP) = (0, float.NegativeInfinity);
            for (var k = 0; k < classes; k++)
            {
                if (volumes[k].Array[i] > bestP)
                {
                    (best, bestP) = (k, volumes[k].Array[i]);
                }
            }
            labels.Array[i] = (byte)(best != background && bestP < (float)threshold ? background : best);
        }
        return labels;
    }
}
