namespace PipelineSeg.Imaging.Metrics;

/// <summary>Metrics of a probability map binarised at several thresholds (voxel is foreground when p &gt; threshold).</summary>
public static class ThresholdSweep
{
    /// <summary>The thresholds used when none are given.</summary>
    public static IReadOnlyList<double> DefaultThresholds { get; } = [0.1, 0.3, 0.5, 0.7, 0.9];

    /// <summary>One entry per threshold: the metrics of label 1 of the binarised map against ground truth == label.</summary>
    public static IReadOnlyList<(double Threshold, SegmentEvaluation Metrics)> Run(
        Volume<float> probability, Volume<byte> groundTruth, byte label = 1, IReadOnlyList<double>? thresholds = null, bool surfaceDistances = true)
    {
        ArgumentNullException.ThrowIfNull(probability);
        ArgumentNullException.ThrowIfNull(groundTruth);
        var truth = groundTruth.CreateLike<byte>();
        var gs = groundTruth.Span;
        var ts = truth.Span;
        for (var i = 0; i < gs.Length; i++)
        {
            ts[i] = (byte)(gs[i] == label ? 1 : 0);
        }
        var results = new List<(double, SegmentEvaluation)>();
        var options = new EvaluationOptions { Labels = [1], SurfaceDistances = surfaceDistances };
        foreach (var t in thresholds ?? DefaultThresholds)
        {
            var binary = Binarize(probability, t);
            results.Add((t, SegmentationEvaluator.Evaluate(binary, truth, options).Segments[0]));
        }
        return results;
    }

    /// <summary>1 where p &gt; threshold, else 0.</summary>
    public static Volume<byte> Binarize(Volume<float> probability, double threshold)
    {
        ArgumentNullException.ThrowIfNull(probability);
        var result = probability.CreateLike<byte>();
        var p = probability.Span;
        var r = result.Span;
        for (var i = 0; i < p.Length; i++)
        {
            r[i] = (byte)(p[i] > threshold ? 1 : 0); // compared in double, like numpy's float32 > float64
        }
        return result;
    }
}
