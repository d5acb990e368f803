namespace PipelineSeg.Imaging.Metrics;

/// <summary>
/// Voxel counts of one class and the overlap metrics derived from them. Dice and IoU are 1 when both masks are empty
/// (LiTS); ratios whose denominator is zero otherwise are null (not defined).
/// </summary>
public readonly record struct ConfusionCounts(long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives)
{
    /// <summary>All voxels.</summary>
    public long Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    /// <summary>Voxels of the class in the prediction.</summary>
    public long PredictedVoxels => TruePositives + FalsePositives;

    /// <summary>Voxels of the class in the ground truth.</summary>
    public long GroundTruthVoxels => TruePositives + FalseNegatives;

    /// <summary>2TP / (2TP + FP + FN); 1 when both are empty.</summary>
    public double Dice => PredictedVoxels + GroundTruthVoxels == 0 ? 1.0 : 2.0 * TruePositives / (PredictedVoxels + GroundTruthVoxels);

    /// <summary>Jaccard TP / (TP + FP + FN); 1 when both are empty.</summary>
    public double IoU => TruePositives + FalsePositives + FalseNegatives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalsePositives + FalseNegatives);

    /// <summary>(TP + TN) / all.</summary>
    public double PixelAccuracy => Total == 0 ? 1.0 : (double)(TruePositives + TrueNegatives) / Total;

    /// <summary>Recall TP / (TP + FN); null when the ground truth is empty.</summary>
    public double? Sensitivity => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>TN / (TN + FP); null when there is no ground-truth negative.</summary>
    public double? Specificity => Ratio(TrueNegatives, TrueNegatives + FalsePositives);

    /// <summary>TP / (TP + FP); null when nothing was predicted.</summary>
    public double? Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>2PR / (P + R) (0 when both are 0); null when precision or sensitivity is not defined.</summary>
    public double? F1 => Precision is { } p && Sensitivity is { } r ? (p + r == 0 ? 0 : 2 * p * r / (p + r)) : null;

    /// <summary>(|P| − |G|) / |G| (LiTS relative volume difference, signed); null when the ground truth is empty.</summary>
    public double? RelativeVolumeDifference =>
        GroundTruthVoxels == 0 ? null : (double)(PredictedVoxels - GroundTruthVoxels) / GroundTruthVoxels;

    /// <summary>Component-wise sum.</summary>
    public static ConfusionCounts operator +(ConfusionCounts a, ConfusionCounts b) => new(
        a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives, a.TrueNegatives + b.TrueNegatives);

    /// <summary>Counts of one class taken from a confusion matrix indexed [prediction * classes + truth].</summary>
    public static ConfusionCounts FromMatrix(ReadOnlySpan<long> matrix, int classes, int label)
    {
        var counts = default(ConfusionCounts);
        for (var i = 0; i < classes * classes; i++)
        {
            counts = counts.Add(i / classes, i % classes, matrix[i], label);
        }
        return counts;
    }

    /// <summary>These counts plus <paramref name="count"/> voxels labelled (prediction, truth), seen as one class.</summary>
    public ConfusionCounts Add(int prediction, int truth, long count, int label) => (prediction == label, truth == label) switch
    {
        (true, true) => this with { TruePositives = TruePositives + count },
        (true, false) => this with { FalsePositives = FalsePositives + count },
        (false, true) => this with { FalseNegatives = FalseNegatives + count },
        _ => this with { TrueNegatives = TrueNegatives + count },
    };

    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
