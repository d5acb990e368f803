using PipelineSeg.EndToEnd.Tests.Batch;

namespace PipelineSeg.EndToEnd.Tests.Applicability;

/// <summary>Issue 18 with the bundled model: held-out phantoms pass, an MR series is refused, a thin-slice phantom warns.</summary>
public sealed class CardApplicabilityTests(SampleBatchFixture samples) : IClassFixture<SampleBatchFixture>
{
    [SkippableFact]
    public void The_bundled_phantoms_pass_every_check()
    {
        Assert.Equal(3, samples.Reports.Count);
        foreach (var report in samples.Reports.Values)
        {
            var block = report.GetProperty("applicability");
            Assert.True(block.GetProperty("action").GetString() == "none", block.ToString());
            Assert.Equal("pass", block.GetProperty("verdict").GetString());
            Assert.Equal("pass", ApplicabilityRun.Check(block, "intensityHistogram").GetProperty("verdict").GetString());
        }
        Assert.DoesNotContain("model card:", samples.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_MR_series_is_refused_for_its_modality()
    {
        var root = TestPaths.NewTempDirectory("e2e-card-mr");
        try
        {
            // A pipeline without a modality filter, so that the series reaches the model card.
            var config = ApplicabilityRun.Config(root, """{ "Pipelines": { "any": { "Model": "unet-liver-phantom", "SeriesDescription": "any" } } }""");
            var input = Path.Combine(TestPaths.DicomSamples, "mr-series", "dcmqi-QIN-PROSTATE-ADC");
            var output = Path.Combine(root, "out");

            var run = ApplicabilityRun.Batch(input, output, "--config", config, "--pipeline", "any");

            Assert.True(run.Cli.ExitCode == 1, run.Cli.Combined);
            Assert.Equal(1, run.Summary.GetProperty("refused").GetInt32());
            var refused = run.Summary.GetProperty("series").EnumerateArray().Single();
            Assert.Equal("failed", refused.GetProperty("status").GetString());
            Assert.Contains("modality MR is not one the model is for (CT)", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal("fail", ApplicabilityRun.Check(refused.GetProperty("applicability"), "modality").GetProperty("verdict").GetString());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public void A_slice_thickness_outside_the_card_is_processed_with_a_warning()
    {
        var root = TestPaths.NewTempDirectory("e2e-card-thin");
        try
        {
            var input = Path.Combine(root, "in");
            Assert.Equal(0, Cli.PipelineSegCli.Run("phantom", "--output", input, "--seed", "21", "--size", "128", "--slices", "8", "--slice-spacing", "1.5").ExitCode);

            var run = ApplicabilityRun.Batch(input, Path.Combine(root, "out"));

            Assert.True(run.Cli.ExitCode == 0, run.Cli.Combined);
            var block = Assert.Single(run.Reports).GetProperty("applicability");
            Assert.Equal("warned", block.GetProperty("action").GetString());
            var thickness = ApplicabilityRun.Check(block, "sliceThickness");
            Assert.Equal(("fail", "1.5 mm"), (thickness.GetProperty("verdict").GetString(), thickness.GetProperty("figure").GetString()));
            Assert.Contains("model card: 1 series with warnings, 0 refused", run.Cli.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
