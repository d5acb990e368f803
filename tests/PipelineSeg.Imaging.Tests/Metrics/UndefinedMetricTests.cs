using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Imaging.Tests.Metrics;

/// <summary>An undefined metric is null with its reason, never 0 and never left out.</summary>
public sealed class UndefinedMetricTests
{
    [SkippableFact]
    public void An_empty_ground_truth_leaves_sensitivity_and_distances_undefined_with_reasons()
    {
        var prediction = new Volume<byte>(5, 5, 5);
        prediction[2, 2, 2] = 1;
        var truth = new Volume<byte>(5, 5, 5);

        var s = Assert.Single(SegmentationEvaluator.Evaluate(prediction, truth, new EvaluationOptions { Labels = [1] }).Segments);

        Assert.Null(s.Sensitivity);
        Assert.Null(s.Hausdorff95);
        Assert.Equal(0, s.Dice);
        Assert.Equal(0.0, s.Precision);
        Assert.Equal(UndefinedReasons.EmptyGroundTruth, s.Undefined[MetricKeys.Sensitivity]);
        Assert.Equal(UndefinedReasons.EmptyGroundTruth, s.Undefined[MetricKeys.Hausdorff95Mm]);
        Assert.Equal(UndefinedReasons.EmptyGroundTruth, s.Undefined[MetricKeys.RelativeVolumeDifference]);
        Assert.False(s.Undefined.ContainsKey(MetricKeys.Precision));
    }

    [SkippableFact]
    public void Switched_off_surface_distances_say_so()
    {
        var a = new Volume<byte>(3, 3, 3);
        a[1, 1, 1] = 1;
        var s = SegmentationEvaluator.Evaluate(a, a.Clone(), new EvaluationOptions { SurfaceDistances = false }).Segments[0];
        Assert.Null(s.Hausdorff);
        Assert.Equal(UndefinedReasons.NotComputed, s.Undefined[MetricKeys.HausdorffMm]);
        Assert.Equal(3, s.Undefined.Count);
    }

    [SkippableFact]
    public void Overlapping_segments_are_scored_as_mask_pairs_under_their_own_labels()
    {
        var g = VolumeGeometry.WithSpacing(1, 1, 2);
        var organ = new Volume<byte>(new VolumeSize(4, 1, 1), g, [1, 1, 1, 0]);
        var inner = new Volume<byte>(new VolumeSize(4, 1, 1), g, [0, 1, 0, 0]);

        var report = SegmentationEvaluator.Evaluate([new MaskPair(1, "liver", organ, organ.Clone()), new MaskPair(2, "lesion", inner, organ)]);

        Assert.Equal([1, 2], report.Segments.Select(s => s.Label));
        Assert.Equal("liver", report.Segments[0].Name);
        Assert.Equal(1.0, report.Segments[0].Dice);
        Assert.Equal(0.006, report.Segments[0].VolumeMl, 12);
        Assert.Equal(0.5, report.Segments[1].Dice, 12);
        Assert.Equal(report.Segments[1].IoU, report.Segments[1].GeneralizedJaccard);
    }
}
