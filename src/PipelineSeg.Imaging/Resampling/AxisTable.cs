namespace PipelineSeg.Imaging.Resampling;

/// <summary>
/// Linear-interpolation taps along one axis of an axis-aligned plane map: for every target index, whether it falls inside
/// the source, the two source indices and the weights, computed with the same arithmetic as
/// <see cref="Resampler.Resample{T}"/> so a map built from tables gives the same floats.
/// </summary>
public sealed class AxisTable
{
    private const double Epsilon = 1e-6;

    private AxisTable(int length)
    {
        Inside = new bool[length];
        Lower = new int[length];
        Upper = new int[length];
        Weight = new double[length];
        Complement = new double[length];
    }

    /// <summary>Whether the target index samples inside the source (within 1e-6 of its first and last voxel centres).</summary>
    public bool[] Inside { get; }

    /// <summary>The lower source index.</summary>
    public int[] Lower { get; }

    /// <summary>The upper source index (the lower one at the last voxel).</summary>
    public int[] Upper { get; }

    /// <summary>Weight of the upper source index.</summary>
    public double[] Weight { get; }

    /// <summary>1 − <see cref="Weight"/>, the weight of the lower index.</summary>
    public double[] Complement { get; }

    /// <summary>Target indices.</summary>
    public int Length => Inside.Length;

    /// <summary>Taps for continuous source positions <paramref name="positions"/> over a source axis of <paramref name="sourceLength"/> voxels.</summary>
    public static AxisTable From(ReadOnlySpan<double> positions, int sourceLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceLength, 1);
        var table = new AxisTable(positions.Length);
        for (var t = 0; t < positions.Length; t++)
        {
            var p = positions[t];
            table.Inside[t] = !(p < -Epsilon || p > sourceLength - 1 + Epsilon);
            // as Resampler's Split: clamp, floor, keep one voxel to the right
            var clamped = Math.Clamp(p, 0, sourceLength - 1);
            var i = Math.Min((int)Math.Floor(clamped), Math.Max(0, sourceLength - 2));
            var f = clamped - i;
            table.Lower[t] = i;
            table.Upper[t] = Math.Min(i + 1, sourceLength - 1);
            table.Weight[t] = f;
            table.Complement[t] = 1 - f;
        }
        return table;
    }
}
