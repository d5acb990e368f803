using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.BadInput;

public sealed class BadInputTests
{
    [SkippableFact]
    public void Junk_and_a_truncated_series_are_quarantined_and_the_good_series_is_still_segmented()
    {
        var root = TestPaths.NewTempDirectory("e2e-bad");
        try
        {
            var input = Path.Combine(root, "in");
            Assert.Equal(0, PipelineSegCli.Run("phantom", "--output", input, "--seed", "11", "--count", "2", "--size", "64", "--slices", "6").ExitCode);
            File.WriteAllText(Path.Combine(input, "notes.txt"), "not DICOM: ignored with a note");
            File.WriteAllBytes(Path.Combine(input, "junk.dcm"), [0xDE, 0xAD, 0xBE, 0xEF]);
            var victim = Directory.GetFiles(Path.Combine(input, "phantom-0012", "ct")).Order(StringComparer.Ordinal).ElementAt(3);
            var bytes = File.ReadAllBytes(victim);
            File.WriteAllBytes(victim, bytes[..(bytes.Length / 2)]);
            var output = Path.Combine(root, "out");

            var result = PipelineSegCli.Run("batch", "--input", input, "--output", output);

            Assert.True(result.ExitCode == 1, result.Combined);
            Assert.Contains("1 segmented, 2 failed", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("junk.dcm", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("IGNORED   " + Path.Combine(input, "notes.txt"), result.StandardOutput, StringComparison.Ordinal);
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "batch-summary.json")));
            var failed = summary.RootElement.GetProperty("series").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "failed").ToList();
            Assert.Equal(2, failed.Count);
            foreach (var f in failed)
            {
                // Relative to the output folder, so the summary stays valid when the folder is moved.
                var folder = f.GetProperty("outputFolder").GetString()!;
                Assert.StartsWith("quarantine/", folder, StringComparison.Ordinal);
                Assert.True(File.Exists(Path.Combine(output, folder, "reason.txt")));
            }
            Assert.Contains(failed, f => f.GetProperty("message").GetString()!.Contains(Path.GetFileName(victim), StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableTheory]
    [InlineData("batch", "--input", "/nonexistent/pipelineseg", "--output", "/tmp/pipelineseg-never")]
    [InlineData("batch", "--output", "/tmp/pipelineseg-never")]
    [InlineData("inspect", "/nonexistent/pipelineseg")]
    [InlineData("no-such-command")]
    public void Usage_errors_exit_with_code_2(params string[] args)
    {
        var result = PipelineSegCli.Run(args);
        Assert.True(result.ExitCode == 2, result.Combined);
        Assert.NotEmpty(result.StandardError);
    }

    [SkippableFact]
    public void A_missing_model_is_a_configuration_error()
    {
        var output = TestPaths.NewTempDirectory("e2e-noplugins");
        try
        {
            var result = PipelineSegCli.Run("batch", "--input", TestPaths.Repo("samples", "dicom"), "--output", output, "--plugins", "/nonexistent/plugins");
            Assert.True(result.ExitCode == 2, result.Combined);
            Assert.Contains("unet-liver-phantom", result.StandardError, StringComparison.Ordinal);
            Assert.Contains("plugins folder does not exist", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [SkippableFact]
    public void Models_lists_the_bundled_families()
    {
        var result = PipelineSegCli.Run("models", "--json");
        Assert.True(result.ExitCode == 0, result.Combined);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var plugins = json.RootElement.GetProperty("models").EnumerateArray()
            .ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("plugin").GetString());
        Assert.Equal("pipelineseg.unet", plugins["unet-liver-phantom"]);
        Assert.Equal("pipelineseg.cyclegan", plugins["cyclegan-liver-phantom"]);
        Assert.Equal("pipelineseg.segnet", plugins["segnet-liver-phantom"]);
        Assert.Equal("pipelineseg.deeplabv3", plugins["deeplabv3-liver-phantom"]);
        Assert.Equal("pipelineseg.unet", plugins["unet-milesial-liver-phantom"]);
        Assert.Equal("pipelineseg.unet", plugins["lgan-liver-phantom"]);
        Assert.Equal(6, plugins.Count);
    }
}
