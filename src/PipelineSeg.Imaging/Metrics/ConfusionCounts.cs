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
        long tp = 0, fp = 0, fn = 0, total = 0;
        for (var p = 0; p < classes; p++)
        {
            for (var g = 0; g < classes; g++)
            {
                var c = matrix[(p * classes) + g];
                total += c;
                if (p == label && g == label)
                {
                    tp += c;
                }
                else if (p == label)
                {
                    fp += c;
                }
                else if (g == label)
                {
                    fn += c;
                }
            }
        }
        return new ConfusionCounts(tp, fp, fn, total - tp - fp - fn);
    }

    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
