using System.Globalization;
using System.Text.Json;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.EndToEnd.Tests.Batch;

/// <summary>The README's main command on the committed samples, checked with the reference tools.</summary>
public sealed class SampleBatchTests(SampleBatchFixture batch) : IClassFixture<SampleBatchFixture>
{
    [SkippableFact]
    public void Batch_succeeds_for_every_sample_series()
    {
        Assert.True(batch.ExitCode == 0, batch.Combined);
        Assert.Equal(3, batch.Reports.Count);
        Assert.Contains("3 segmented, 0 failed", batch.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(batch.Output, BatchProcessor.SummaryFileName)));
    }

    [SkippableFact]
    public void Every_SEG_has_zero_dciodvfy_errors()
    {
        Assert.NotEmpty(batch.Reports);
        foreach (var folder in batch.Reports.Keys)
        {
            var seg = Path.Combine(folder, SeriesProcessor.SegFileName);
            var result = ExternalTool.Run("dciodvfy", [seg]);
            var errors = result.Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, $"{seg}:\n{string.Join('\n', errors)}");
            Assert.Contains("Segmentation", result.Combined, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Dcmdump_reads_every_SEG()
    {
        foreach (var folder in batch.Reports.Keys)
        {
            var result = ExternalTool.Run("dcmdump", ["-q", Path.Combine(folder, SeriesProcessor.SegFileName)]);
            Assert.True(result.ExitCode == 0, result.Combined);
            Assert.Contains("SegmentationType", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("BINARY", result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Pydicom_sees_the_source_geometry_in_every_SEG()
    {
        foreach (var (folder, report) in batch.Reports)
        {
            var output = ExternalTool.RunPython(PydicomScripts.CompareSegWithSource,
                Path.Combine(folder, SeriesProcessor.SegFileName), Path.Combine(SampleBatchFixture.SampleOf(report), "ct"));
            Assert.Contains("OK", output, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Reports_hold_series_model_timings_volumes_and_ground_truth_metrics()
    {
        foreach (var report in batch.Reports.Values)
        {
            Assert.Equal("unet-liver-phantom", report.GetProperty("model").GetProperty("id").GetString());
            Assert.False(string.IsNullOrEmpty(report.GetProperty("model").GetProperty("version").GetString()));
            Assert.True(report.GetProperty("timingsMs").GetProperty("total").GetDouble() > 0);
            var liver = report.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("label").GetString() == "liver");
            Assert.InRange(liver.GetProperty("volumeMl").GetDouble(), 100, 3000);
            // liver contains lesion (manifest), so it is scored including the lesions, like the ground truth
            var truth = report.GetProperty("groundTruth").GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "liver");
            Assert.Equal(liver.GetProperty("volumeMl").GetDouble(), truth.GetProperty("volumeMl").GetDouble(), 6);
            Assert.True(truth.GetProperty("dice").GetDouble() >= 0.90,
                string.Create(CultureInfo.InvariantCulture, $"{SampleBatchFixture.SampleOf(report)}: liver (incl. lesions) Dice {truth.GetProperty("dice").GetDouble():F4}"));
        }
    }

    [SkippableFact]
    public void The_held_out_full_resolution_sample_has_liver_Dice_of_at_least_0_90()
    {
        var report = batch.Reports.Values.Single(r => SampleBatchFixture.SampleOf(r).EndsWith("phantom-0001", StringComparison.Ordinal));
        var liver = report.GetProperty("groundTruth").GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "liver");
        Assert.True(liver.GetProperty("dice").GetDouble() >= 0.90, liver.ToString());
        Assert.Equal(JsonValueKind.Number, liver.GetProperty("hausdorff95Mm").ValueKind);
    }
}
