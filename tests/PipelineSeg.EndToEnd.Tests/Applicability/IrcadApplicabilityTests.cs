using System.IO.Compression;

namespace PipelineSeg.EndToEnd.Tests.Applicability;

/// <summary>
/// Issue 18: the phantom model on a real abdominal CT (3D-IRCADb 1.1 from ../shared, extracted at run time and never
/// committed) must say why its result is not to be trusted, and refuse the series under <c>refuse</c>.
/// </summary>
public sealed class IrcadApplicabilityTests : IDisposable
{
    private readonly string _root = TestPaths.NewTempDirectory("e2e-ircad-card");

    private string Input
    {
        get
        {
            var input = Path.Combine(_root, "in");
            if (!Directory.Exists(input))
            {
                var zip = Path.Combine(TestPaths.Datasets, "3dircadb1_liver_ct", "3Dircadb1.1", "PATIENT_DICOM.zip");
                ZipFile.ExtractToDirectory(zip, input);
            }
            return input;
        }
    }

    [SkippableFact]
    public void Under_the_default_policy_the_result_is_written_with_a_warning_naming_the_histogram_distance()
    {
        var run = ApplicabilityRun.Batch(Input, Path.Combine(_root, "out"));

        Assert.True(run.Cli.ExitCode == 0, run.Cli.Combined);
        var block = Assert.Single(run.Reports).GetProperty("applicability");
        Assert.Equal(("warn", "fail", "warned"), (block.GetProperty("policy").GetString(), block.GetProperty("verdict").GetString(), block.GetProperty("action").GetString()));
        Assert.Equal("synthetic abdominal phantoms, demonstration only", block.GetProperty("intendedUse").GetString());
        var histogram = ApplicabilityRun.Check(block, "intensityHistogram");
        Assert.Equal("fail", histogram.GetProperty("verdict").GetString());
        Assert.Contains("intensity histogram distance", histogram.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(double.Parse(histogram.GetProperty("figure").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0.1, histogram.ToString());
        Assert.Equal("fail", ApplicabilityRun.Check(block, "inPlaneSpacing").GetProperty("verdict").GetString());
        Assert.Equal(1, run.Summary.GetProperty("applicabilityWarnings").GetInt32());
        Assert.Contains("WARNING outside the model card", run.Cli.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Under_refuse_the_series_is_quarantined_with_the_histogram_distance_as_reason()
    {
        var config = ApplicabilityRun.Config(_root, """{ "Pipelines": { "liver": { "Applicability": "refuse" } } }""");
        var output = Path.Combine(_root, "refused");

        var run = ApplicabilityRun.Batch(Input, output, "--config", config);

        Assert.True(run.Cli.ExitCode == 1, run.Cli.Combined);
        Assert.Empty(run.Reports);
        Assert.Equal((1, 1), (run.Summary.GetProperty("refused").GetInt32(), run.Summary.GetProperty("failed").GetInt32()));
        var reason = File.ReadAllText(Directory.GetFiles(Path.Combine(output, "quarantine"), "reason.txt", SearchOption.AllDirectories).Single());
        Assert.Contains("refused by the model card of 'unet-liver-phantom'", reason, StringComparison.Ordinal);
        Assert.Contains("intensity histogram distance", reason, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
