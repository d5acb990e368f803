namespace PipelineSeg.Pipeline.Smoothing;

/// <summary>Weights of a smoothing window along z: index d + radius holds the weight of the neighbour at offset d.</summary>
public static class SmoothingKernel
{
    /// <summary>Largest radius in slices: the smoother holds 2·radius + slab slices of class probabilities.</summary>
    public const int MaxRadius = 32;

    /// <summary>Equal weights over the slice and <paramref name="radius"/> neighbours either side.</summary>
    public static double[] MovingAverage(int radius)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(radius, 1);
        return [.. Enumerable.Repeat(1.0, (2 * radius) + 1)];
    }

    /// <summary>Gaussian weights of standard deviation <paramref name="sigma"/> slices, cut at <paramref name="radius"/> (scipy's kernel).</summary>
    public static double[] Gaussian(double sigma, int radius)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(radius, 1);
        if (!(sigma > 0) || !double.IsFinite(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "a Gaussian needs a positive sigma");
        }
        return [.. Enumerable.Range(-radius, (2 * radius) + 1).Select(d => Math.Exp(-(d * d) / (2 * sigma * sigma)))];
    }

    /// <summary>scipy's default radius, int(truncate·σ + 0.5), kept within 1 … <see cref="MaxRadius"/>.</summary>
    public static int RadiusFor(double sigma, double truncate) => Math.Clamp((int)((truncate * sigma) + 0.5), 1, MaxRadius);
}
