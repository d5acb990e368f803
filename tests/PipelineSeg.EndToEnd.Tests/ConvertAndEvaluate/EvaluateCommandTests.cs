using System.Text.Json;

namespace PipelineSeg.EndToEnd.Tests.ConvertAndEvaluate;

public sealed class EvaluateCommandTests
{
    [SkippableFact]
    public void Json_report_has_every_metric_per_segment()
    {
        var r = Cli.Run("evaluate", "--prediction", Cli.ImagingFixture("metrics_pred.nii.gz"), "--ground-truth", Cli.ImagingFixture("metrics_gt.nii.gz"), "--json");
        Assert.True(r.ExitCode == 0, r.Combined);
        using var doc = JsonDocument.Parse(r.StandardOutput);
        var segments = doc.RootElement.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(4, segments.Count);
        foreach (var key in new[] { "dice", "iou", "pixelAccuracy", "sensitivity", "specificity", "precision", "f1", "relativeVolumeDifference", "volumeDifferenceMl", "hausdorffMm", "hausdorff95Mm", "assdMm" })
        {
            Assert.True(segments[0].TryGetProperty(key, out _), key);
        }
        // label 3 is missing from the prediction: distances are not defined
        var three = segments.Single(s => s.GetProperty("label").GetInt32() == 3);
        Assert.Equal(JsonValueKind.Null, three.GetProperty("hausdorff95Mm").ValueKind);
        Assert.Equal("empty predicted segment", three.GetProperty("undefined").GetProperty("hausdorff95Mm").GetString());
        Assert.Equal(0.0, three.GetProperty("dice").GetDouble());
    }

    [SkippableFact]
    public void Grid_mismatch_names_both_files_and_resample_fixes_it()
    {
        var gt = Cli.ImagingFixture("metrics_gt.nii.gz");
        var other = Cli.ImagingFixture("morph_mask.nii.gz");
        var r = Cli.Run("evaluate", "--prediction", other, "--ground-truth", gt);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("morph_mask.nii.gz", r.StandardError, StringComparison.Ordinal);
        Assert.Contains("metrics_gt.nii.gz", r.StandardError, StringComparison.Ordinal);
        var resampled = Cli.Run("evaluate", "--prediction", other, "--ground-truth", gt, "--resample");
        Assert.True(resampled.ExitCode == 0, resampled.Combined);
        Assert.Contains("resampled", resampled.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Dicom_seg_against_itself_is_perfect_and_missing_input_is_a_usage_error()
    {
        var seg = Path.Combine(TestPaths.DicomSamples, "seg", "dcmqi", "liver.dcm");
        var r = Cli.Run("evaluate", "--prediction", seg, "--ground-truth", seg, "--json");
        Assert.True(r.ExitCode == 0, r.Combined);
        using var doc = JsonDocument.Parse(r.StandardOutput);
        var segment = Assert.Single(doc.RootElement.GetProperty("segments").EnumerateArray());
        Assert.Equal(1.0, segment.GetProperty("dice").GetDouble());
        Assert.Equal(0.0, segment.GetProperty("hausdorffMm").GetDouble());
        Assert.False(string.IsNullOrEmpty(segment.GetProperty("name").GetString()));

        var missing = Cli.Run("evaluate", "--prediction", "/nonexistent.nii.gz", "--ground-truth", seg);
        Assert.Equal(2, missing.ExitCode);
    }

    [SkippableFact]
    public void Probability_map_sweep_reports_each_threshold()
    {
        var r = Cli.Run("evaluate", "--prediction", Cli.ImagingFixture("metrics_prob.nii.gz"), "--ground-truth", Cli.ImagingFixture("metrics_gt.nii.gz"),
            "--thresholds", "0.25,0.5", "--label", "1", "--json", "--no-surface");
        Assert.True(r.ExitCode == 0, r.Combined);
        using var doc = JsonDocument.Parse(r.StandardOutput);
        Assert.Equal(2, doc.RootElement.GetProperty("thresholds").GetArrayLength());
        Assert.InRange(doc.RootElement.GetProperty("generalizedJaccard").GetDouble(), 0, 1);
        var bad = Cli.Run("evaluate", "--prediction", Cli.ImagingFixture("metrics_prob.nii.gz"), "--ground-truth", Cli.ImagingFixture("metrics_gt.nii.gz"), "--thresholds", "2");
        Assert.Equal(2, bad.ExitCode);
    }
}
