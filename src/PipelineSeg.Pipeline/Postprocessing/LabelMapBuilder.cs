using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Inference;

namespace PipelineSeg.Pipeline.Postprocessing;

/// <summary>Turns class probabilities into a label map (voxel value = class channel index, 0 = background).</summary>
public static class LabelMapBuilder
{
    /// <summary>
    /// Each voxel takes its most probable class; a foreground class also needs at least <paramref name="threshold"/>,
    /// otherwise the voxel is background.
    /// </summary>
    public static Volume<byte> ArgmaxWithThreshold(ClassProbabilities probabilities, double threshold)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var volumes = probabilities.Volumes;
        if (volumes.Count is 0 or > 255)
        {
            throw new ArgumentException($"need 1–255 classes, got {volumes.Count}", nameof(probabilities));
        }
        var first = volumes[0];
        var labels = first.CreateLike<byte>();
        var output = labels.Array;
        var background = probabilities.Classes.Select((c, i) => (c, i)).FirstOrDefault(t => t.c.IsBackground).i;
        var t = (float)threshold;
        Parallel.For(0, first.Depth, z =>
        {
            var offset = z * first.Size.SliceLength;
            for (var i = offset; i < offset + first.Size.SliceLength; i++)
            {
                var best = 0;
                var bestP = float.NegativeInfinity;
                for (var k = 0; k < volumes.Count; k++)
                {
                    var p = volumes[k].Array[i];
                    if (p > bestP)
                    {
                        (best, bestP) = (k, p);
                    }
                }
                output[i] = (byte)(best != background && bestP < t ? background : best);
            }
        });
        return labels;
    }
}
