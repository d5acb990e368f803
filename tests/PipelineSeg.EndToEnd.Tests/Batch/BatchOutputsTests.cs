using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Batch;

/// <summary>Batch outputs people can find: summary with references, empty input reported, output failures not blamed on input.</summary>
public sealed class BatchOutputsTests
{
    [SkippableFact]
    public void An_empty_input_says_no_DICOM_series_found_with_exit_code_1()
    {
        var root = TestPaths.NewTempDirectory("e2e-empty");
        try
        {
            var input = Path.Combine(root, "in");
            Directory.CreateDirectory(input);
            var result = PipelineSegCli.Run("batch", "--input", input, "--output", Path.Combine(root, "out"));
            Assert.True(result.ExitCode == 1, result.Combined);
            Assert.Contains("no DICOM series found", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public void An_output_that_is_a_file_is_reported_not_an_abort()
    {
        var root = TestPaths.NewTempDirectory("e2e-outfile");
        try
        {
            var file = Path.Combine(root, "taken");
            File.WriteAllText(file, "x");
            var result = PipelineSegCli.Run("batch", "--input", TestPaths.Repo("samples", "dicom"), "--output", file);
            Assert.True(result.ExitCode == 2, result.Combined);
            Assert.Contains(file, result.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public void Quarantine_follows_the_input_and_a_blocked_output_folder_is_not_blamed_on_it()
    {
        var root = TestPaths.NewTempDirectory("e2e-quarantine");
        try
        {
            var input = Path.Combine(root, "Doe^Jane export");
            var output = Path.Combine(root, "out");
            Assert.Equal(0, PipelineSegCli.Run("phantom", "--output", input, "--seed", "31", "--size", "64", "--slices", "6").ExitCode);
            var slice = Directory.GetFiles(Path.Combine(input, "phantom-0031", "ct")).Order(StringComparer.Ordinal).ElementAt(3);
            var good = File.ReadAllBytes(slice);
            File.WriteAllBytes(slice, good[..(good.Length / 2)]);

            var broken = PipelineSegCli.Run("batch", "--input", input, "--output", output, "--json");
            Assert.True(broken.ExitCode == 1, broken.Combined);
            var quarantined = Directory.GetDirectories(Path.Combine(output, "quarantine")).Single();

            File.WriteAllBytes(slice, good);
            var fixedRun = PipelineSegCli.Run("batch", "--input", input, "--output", output, "--json");
            Assert.True(fixedRun.ExitCode == 0, fixedRun.Combined);
            Assert.False(Directory.Exists(quarantined), "the stale quarantine entry is still there");
            using var summary = JsonDocument.Parse(fixedRun.StandardOutput);
            var entry = Assert.Single(summary.RootElement.GetProperty("series").EnumerateArray());
            Assert.Equal("phantom-0031/ct", entry.GetProperty("inputFolder").GetString());
            var resultFolder = entry.GetProperty("outputFolder").GetString()!;
            Assert.DoesNotContain("Doe", resultFolder, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, entry.GetProperty("report").GetString()!)));
            Assert.Equal(File.ReadAllText(Path.Combine(output, "batch-summary.json")).Trim(), fixedRun.StandardOutput.Trim()); // --json prints the summary

            Directory.Delete(Path.Combine(output, resultFolder), recursive: true);
            File.WriteAllText(Path.Combine(output, resultFolder), "blocks the result folder");
            var blocked = PipelineSegCli.Run("batch", "--input", input, "--output", output);
            Assert.True(blocked.ExitCode == 1, blocked.Combined);
            Assert.Contains(resultFolder, blocked.StandardOutput, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(output, "quarantine")) && Directory.EnumerateDirectories(Path.Combine(output, "quarantine")).Any(),
                "good input was quarantined because its output folder was blocked");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
