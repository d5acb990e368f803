using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>Metrics of one prediction against one ground truth, with how the grids were matched.</summary>
/// <param name="Prediction">Prediction path.</param>
/// <param name="GroundTruth">Ground-truth path.</param>
/// <param name="Size">Voxel grid the metrics were computed on (the ground truth's).</param>
/// <param name="Spacing">Its spacing (mm).</param>
/// <param name="Alignment">How the prediction was brought onto that grid.</param>
/// <param name="Report">Per-segment metrics and averages.</param>
public sealed record LabelEvaluationResult(
    string Prediction,
    string GroundTruth,
    VolumeSize Size,
    Vec3 Spacing,
    GridRelation Alignment,
    EvaluationReport Report)
{
    /// <summary>How labels were paired (label by label unless binary or one label was chosen or recognised).</summary>
    public LabelComparison Comparison { get; init; } = LabelComparison.Labels;

    /// <summary>What a reader must know to read the figures right (e.g. "compared as binary masks …").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Labels with voxels in the prediction and none in the ground truth (scored, and named here).</summary>
    public IReadOnlyList<int> LabelsOnlyInPrediction { get; init; } = [];

    /// <summary>Labels with voxels in the ground truth and none in the prediction (scored, and named here).</summary>
    public IReadOnlyList<int> LabelsOnlyInGroundTruth { get; init; } = [];
}
