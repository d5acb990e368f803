namespace PipelineSeg.Pipeline.Postprocessing;

/// <summary>Turns class probabilities of one slice into labels (voxel value = class channel index).</summary>
public static class LabelDecision
{
    /// <summary>
    /// Each pixel takes its most probable class (the first on ties); a foreground class also needs at least
    /// <paramref name="threshold"/>, otherwise the pixel is <paramref name="background"/>.
    /// </summary>
    public static void ArgmaxWithThreshold(IReadOnlyList<float[]> planes, int background, double threshold, Span<byte> labels)
    {
        ArgumentNullException.ThrowIfNull(planes);
        if (planes.Count is 0 or > 255)
        {
            throw new ArgumentException($"need 1–255 classes, got {planes.Count}", nameof(planes));
        }
        var t = (float)threshold;
        for (var i = 0; i < labels.Length; i++)
        {
            var best = 0;
            var bestP = float.NegativeInfinity;
            for (var k = 0; k < planes.Count; k++)
            {
                var p = planes[k][i];
                if (p > bestP)
                {
                    (best, bestP) = (k, p);
                }
            }
            labels[i] = (byte)(best != background && bestP < t ? background : best);
        }
    }
}
