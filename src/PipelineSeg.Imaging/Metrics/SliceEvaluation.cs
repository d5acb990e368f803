namespace PipelineSeg.Imaging.Metrics;

/// <summary>Overlap metrics of one label on one z slice.</summary>
public sealed record SliceEvaluation(
    int Z,
    long PredictedVoxels,
    long GroundTruthVoxels,
    double Dice,
    double IoU,
    double? Sensitivity,
    double? Precision)
{
    /// <summary>Builds the record from counts.</summary>
    public static SliceEvaluation From(int z, ConfusionCounts c) =>
        new(z, c.PredictedVoxels, c.GroundTruthVoxels, c.Dice, c.IoU, c.Sensitivity, c.Precision);
}
