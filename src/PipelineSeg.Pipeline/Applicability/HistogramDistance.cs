namespace PipelineSeg.Pipeline.Applicability;

/// <summary>
/// Wasserstein-1 (earth mover's) distance between two histograms over the same equal bins of [min, max]: the area
/// between their cumulative distributions. On a CT window normalised to [0, 1] a distance of 0.05 is the work of
/// moving every voxel by 5 % of the window width (20 HU for a 400 HU window).
/// </summary>
public static class HistogramDistance
{
    /// <summary>The distance between <paramref name="p"/> and <paramref name="q"/> (each summing to 1) over a range of <paramref name="width"/>.</summary>
    public static double Wasserstein1(IReadOnlyList<double> p, IReadOnlyList<double> q, double width)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (p.Count != q.Count || p.Count == 0)
        {
            throw new ArgumentException($"histograms need the same number of bins, got {p.Count} and {q.Count}", nameof(q));
        }
        double cp = 0, cq = 0, area = 0;
        for (var i = 0; i < p.Count - 1; i++)
        {
            cp += p[i];
            cq += q[i];
            area += Math.Abs(cp - cq);
        }
        return area * width / p.Count;
    }
}
