namespace PipelineSeg.Reporting.Plots;

/// <summary>The metrics of a probability map binarised at one threshold; a metric is null where it is undefined.</summary>
public sealed record ThresholdSweepPoint(double Threshold, double? Dice, double? Sensitivity, double? Specificity, double? Iou = null);
