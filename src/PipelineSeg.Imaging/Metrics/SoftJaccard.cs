namespace PipelineSeg.Imaging.Metrics;

/// <summary>Generalised (soft) Jaccard Σ min(p, g) / Σ max(p, g) for probability maps; 1 when both sums are zero.</summary>
public static class SoftJaccard
{
    /// <summary>Soft Jaccard between a probability map and a soft or binary ground truth in [0, 1].</summary>
    public static double Compute(ReadOnlySpan<float> probability, ReadOnlySpan<float> truth)
    {
        if (probability.Length != truth.Length)
        {
            throw new ArgumentException("lengths differ");
        }
        double sumMin = 0, sumMax = 0;
        for (var i = 0; i < probability.Length; i++)
        {
            var p = probability[i];
            var g = truth[i];
            sumMin += Math.Min(p, g);
            sumMax += Math.Max(p, g);
        }
        return sumMax == 0 ? 1.0 : sumMin / sumMax;
    }

    /// <summary>Soft Jaccard against a binary ground truth (voxels equal to label count as 1).</summary>
    public static double Compute(ReadOnlySpan<float> probability, ReadOnlySpan<byte> truth, byte label = 1)
    {
        if (probability.Length != truth.Length)
        {
            throw new ArgumentException("lengths differ");
        }
        double sumMin = 0, sumMax = 0;
        for (var i = 0; i < probability.Length; i++)
        {
            double p = probability[i];
            double g = truth[i] == label ? 1 : 0;
            sumMin += Math.Min(p, g);
            sumMax += Math.Max(p, g);
        }
        return sumMax == 0 ? 1.0 : sumMin / sumMax;
    }
}
