using PipelineSeg.Tensors;

namespace PipelineSeg.Host.Cli.Models;

/// <summary>Our raw output against the reference's: the largest absolute difference and where it is.</summary>
internal sealed record NetworkComparison(int[] Shape, long Count, double MaxAbsDifference, long WorstIndex, float Ours, float Reference)
{
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static NetworkComparison Compare(Tensor ours, NpyArray reference)
    {
        var shape = ours.Shape.ToArray();
        if (!reference.Shape.SequenceEqual(shape))
        {
            throw new ArgumentException($"output shape [{string.Join(", ", shape)}] differs from --expected [{string.Join(", ", reference.Shape.ToArray())}]");
        }
        var a = ours.Span;
        var e = reference.AsFloat32();
        double worst = 0;
        long at = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = Math.Abs((double)a[i] - e[i]);
            // NaN on either side is a failure, never a pass.
            if (double.IsNaN(d))
            {
                return new NetworkComparison(shape, a.Length, double.PositiveInfinity, i, a[i], e[i]);
            }
            if (d > worst)
            {
                worst = d;
                at = i;
            }
        }
        return new NetworkComparison(shape, a.Length, worst, at, a.Length > 0 ? a[(int)at] : 0, e.Length > 0 ? e[(int)at] : 0);
    }
}
