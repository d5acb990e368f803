using System.Text.Json;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Imaging.Tests.Support;

namespace PipelineSeg.Imaging.Tests.Metrics;

/// <summary>Compares every metric with tools/imaging/reference_metrics.py (scipy, medpy conventions).</summary>
public sealed class MetricsParityTests
{
    private const double OverlapTolerance = 1e-6;
    private const double DistanceTolerance = 1e-3;

    private static readonly Lazy<(Volume<byte> Pred, Volume<byte> Gt)> Pair = new(() =>
        (NiftiFile.Read(Reference.Fixture("metrics_pred.nii.gz")).ToLabels("pred"),
         NiftiFile.Read(Reference.Fixture("metrics_gt.nii.gz")).ToLabels("gt")));

    private static JsonElement Metrics => Reference.Root.GetProperty("metrics");

    [SkippableFact]
    public void Every_label_matches_scipy_reference()
    {
        var (pred, gt) = Pair.Value;
        var report = SegmentationEvaluator.Evaluate(pred, gt, new EvaluationOptions { Labels = [0, 1, 2, 3, 4, 5] });
        foreach (var s in report.Segments)
        {
            AssertMatches(Metrics.GetProperty("labels").GetProperty(s.Label.ToString(System.Globalization.CultureInfo.InvariantCulture)), s, $"label {s.Label}");
        }
    }

    [SkippableFact]
    public void Per_slice_dice_matches_reference()
    {
        var (pred, gt) = Pair.Value;
        var report = SegmentationEvaluator.Evaluate(pred, gt, new EvaluationOptions { Labels = [1], PerSlice = true, SurfaceDistances = false });
        var expected = Reference.Doubles(Metrics.GetProperty("slice_dice_label1"));
        var slices = report.Segments[0].Slices!;
        Assert.Equal(expected.Length, slices.Count);
        for (var z = 0; z < expected.Length; z++)
        {
            Assert.Equal(expected[z], slices[z].Dice, OverlapTolerance);
        }
    }

    [SkippableFact]
    public void Per_slice_2d_surface_distances_match_medpy_on_slices()
    {
        var (pred, gt) = Pair.Value;
        var report = SegmentationEvaluator.Evaluate(pred, gt, new EvaluationOptions { Labels = [1], PerSlice = true });
        var expected = Metrics.GetProperty("slice_surface_label1").EnumerateArray().ToList();
        var slices = report.Segments[0].Slices!;
        var compared = 0;
        for (var z = 0; z < expected.Count; z++)
        {
            if (expected[z].ValueKind == JsonValueKind.Null)
            {
                Assert.Null(slices[z].Hausdorff);
                continue;
            }
            var s = slices[z];
            Close(expected[z], "hd", s.Hausdorff, DistanceTolerance, $"slice {z}");
            Close(expected[z], "hd95", s.Hausdorff95, DistanceTolerance, $"slice {z}");
            Close(expected[z], "assd", s.AverageSymmetricSurfaceDistance, DistanceTolerance, $"slice {z}");
            compared += s.Hausdorff is null ? 0 : 1;
        }
        Assert.True(compared > 5);
    }

    [SkippableFact]
    public void Soft_jaccard_and_threshold_sweep_match_reference()
    {
        var (_, gt) = Pair.Value;
        var prob = NiftiFile.Read(Reference.Fixture("metrics_prob.nii.gz")).ToVolume<float>();
        var truth = gt.CreateLike<byte>();
        for (var i = 0; i < truth.Length; i++)
        {
            truth.Span[i] = (byte)(gt.Span[i] is 1 or 2 ? 1 : 0);
        }
        Assert.Equal(Metrics.GetProperty("soft_jaccard").GetDouble(), SoftJaccard.Compute(prob.Span, truth.Span), OverlapTolerance);
        var sweep = ThresholdSweep.Run(prob, truth);
        Assert.Equal(5, sweep.Count);
        foreach (var (t, m) in sweep)
        {
            AssertMatches(Metrics.GetProperty("sweep").GetProperty(t.ToString(System.Globalization.CultureInfo.InvariantCulture)), m, $"threshold {t}");
        }
    }

    [SkippableFact]
    public void Background_is_left_out_of_the_mean_when_asked()
    {
        var (pred, gt) = Pair.Value;
        var options = new EvaluationOptions { ReportBackground = true, SurfaceDistances = false };
        var without = SegmentationEvaluator.Evaluate(pred, gt, options);
        var with = SegmentationEvaluator.Evaluate(pred, gt, options with { ExcludeBackgroundFromMean = false });
        Assert.Equal([0, 1, 2, 3, 4], without.Segments.Select(s => s.Label));
        Assert.DoesNotContain(0, without.Mean.Labels);
        Assert.Contains(0, with.Mean.Labels);
        Assert.Equal(without.Segments.Skip(1).Average(s => s.Dice), without.Mean.Dice!.Value, 1e-12);
    }

    private static void AssertMatches(JsonElement r, SegmentEvaluation s, string what)
    {
        Assert.True(r.GetProperty("tp").GetInt64() + r.GetProperty("fp").GetInt64() == s.PredictedVoxels, what);
        Assert.True(r.GetProperty("tp").GetInt64() + r.GetProperty("fn").GetInt64() == s.GroundTruthVoxels, what);
        Close(r, "dice", s.Dice, OverlapTolerance, what);
        Close(r, "iou", s.IoU, OverlapTolerance, what);
        Close(r, "accuracy", s.PixelAccuracy, OverlapTolerance, what);
        Close(r, "sensitivity", s.Sensitivity, OverlapTolerance, what);
        Close(r, "specificity", s.Specificity, OverlapTolerance, what);
        Close(r, "precision", s.Precision, OverlapTolerance, what);
        Close(r, "f1", s.F1, OverlapTolerance, what);
        Close(r, "rvd", s.RelativeVolumeDifference, OverlapTolerance, what);
        Close(r, "vd_ml", s.VolumeDifferenceMl, OverlapTolerance, what);
        Close(r, "hd", s.Hausdorff, DistanceTolerance, what);
        Close(r, "hd95", s.Hausdorff95, DistanceTolerance, what);
        Close(r, "assd", s.AverageSymmetricSurfaceDistance, DistanceTolerance, what);
    }

    private static void Close(JsonElement r, string key, double? actual, double tolerance, string what)
    {
        var expected = Reference.NullableDouble(r.GetProperty(key));
        if (expected is null)
        {
            Assert.True(actual is null, $"{what} {key}: expected null, got {actual}");
            return;
        }
        Assert.True(actual is not null, $"{what} {key}: expected {expected}, got null");
        Assert.True(Math.Abs(expected.Value - actual!.Value) <= tolerance, $"{what} {key}: scipy {expected}, ours {actual}");
    }
}
