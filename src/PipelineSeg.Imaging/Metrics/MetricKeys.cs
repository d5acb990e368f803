namespace PipelineSeg.Imaging.Metrics;

/// <summary>
/// The one metric vocabulary: the key of every metric in report.json, <c>evaluate --json</c> and every later writer
/// (compare, summary.csv). Units are in the names (Mm, Ml); ratios are unitless in [0, 1]. Defined in docs/metrics.md.
/// </summary>
public static class MetricKeys
{
    /// <summary>Segment number / class index.</summary>
    public const string Label = "label";
    /// <summary>Segment name.</summary>
    public const string Name = "name";
    /// <summary>Voxels of the segment in the prediction.</summary>
    public const string PredictedVoxels = "predictedVoxels";
    /// <summary>Voxels of the segment in the ground truth.</summary>
    public const string GroundTruthVoxels = "groundTruthVoxels";
    /// <summary>Predicted segment volume, mL.</summary>
    public const string VolumeMl = "volumeMl";
    /// <summary>Ground-truth segment volume, mL.</summary>
    public const string GroundTruthVolumeMl = "groundTruthVolumeMl";
    /// <summary>Dice / Sørensen coefficient.</summary>
    public const string Dice = "dice";
    /// <summary>Intersection over union (Jaccard).</summary>
    public const string Iou = "iou";
    /// <summary>Generalised Jaccard Σ min(p, g) / Σ max(p, g).</summary>
    public const string GeneralizedJaccard = "generalizedJaccard";
    /// <summary>(TP + TN) / all voxels.</summary>
    public const string PixelAccuracy = "pixelAccuracy";
    /// <summary>Recall TP / (TP + FN).</summary>
    public const string Sensitivity = "sensitivity";
    /// <summary>TN / (TN + FP).</summary>
    public const string Specificity = "specificity";
    /// <summary>TP / (TP + FP).</summary>
    public const string Precision = "precision";
    /// <summary>Harmonic mean of precision and sensitivity.</summary>
    public const string F1 = "f1";
    /// <summary>(|P| − |G|) / |G|, signed.</summary>
    public const string RelativeVolumeDifference = "relativeVolumeDifference";
    /// <summary>Predicted minus ground-truth volume, mL.</summary>
    public const string VolumeDifferenceMl = "volumeDifferenceMl";
    /// <summary>Hausdorff distance, mm.</summary>
    public const string HausdorffMm = "hausdorffMm";
    /// <summary>95th-percentile Hausdorff distance, mm.</summary>
    public const string Hausdorff95Mm = "hausdorff95Mm";
    /// <summary>Average symmetric surface distance, mm.</summary>
    public const string AssdMm = "assdMm";
    /// <summary>Map from each metric key whose value is null to the reason it is undefined.</summary>
    public const string Undefined = "undefined";
    /// <summary>Per-slice metrics (evaluate --per-slice).</summary>
    public const string Slices = "slices";
    /// <summary>Slice index.</summary>
    public const string Z = "z";
    /// <summary>Mean over the segment's voxels of the std of its class probability across Monte-Carlo passes (report.json).</summary>
    public const string MeanUncertainty = "meanUncertainty";
    /// <summary>Fraction of the segment's voxels whose std across Monte-Carlo passes exceeds 0.1 (report.json).</summary>
    public const string UncertainFraction = "uncertainFraction";
    /// <summary>Labels an average is taken over.</summary>
    public const string Labels = "labels";
    /// <summary>The model's critic distance between image ⊙ prediction and image ⊙ ground truth (report.json groundTruth; models with a critic).</summary>
    public const string CriticDistance = "criticDistance";

    /// <summary>The metric keys of one segment, in the order writers emit them.</summary>
    public static IReadOnlyList<string> SegmentMetrics { get; } =
    [
        PredictedVoxels, GroundTruthVoxels, VolumeMl, GroundTruthVolumeMl, Dice, Iou, GeneralizedJaccard, PixelAccuracy,
        Sensitivity, Specificity, Precision, F1, RelativeVolumeDifference, VolumeDifferenceMl, HausdorffMm, Hausdorff95Mm, AssdMm,
    ];
}
