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
        ArgmaxWithThresholds(planes, background, [.. Enumerable.Repeat(threshold, planes.Count)], labels);
    }

    /// <summary>
    /// As <see cref="ArgmaxWithThreshold"/> with a threshold per class (<paramref name="thresholds"/>[k] for class k; the
    /// background's is not used): the most probable class wins, and becomes background when below its own threshold.
    /// </summary>
    public static void ArgmaxWithThresholds(IReadOnlyList<float[]> planes, int background, IReadOnlyList<double> thresholds, Span<byte> labels)
    {
        ArgumentNullException.ThrowIfNull(planes);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (planes.Count is 0 or > 255)
        {
            throw new ArgumentException($"need 1–255 classes, got {planes.Count}", nameof(planes));
        }
        if (thresholds.Count != planes.Count)
        {
            throw new ArgumentException($"need one threshold per class ({planes.Count}), got {thresholds.Count}", nameof(thresholds));
        }
        var t = thresholds.Select(v => (float)v).ToArray();
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
            labels[i] = (byte)(best != background && bestP < t[best] ? background : best);
        }
    }
}
