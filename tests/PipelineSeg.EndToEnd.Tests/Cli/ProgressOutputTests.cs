using System.Text.Json;

namespace PipelineSeg.EndToEnd.Tests.Cli;

/// <summary>Off a terminal progress is plain lines on standard error, so --json output stays pure JSON; --quiet drops them.</summary>
public sealed class ProgressOutputTests : IDisposable
{
    private readonly string _root = TestPaths.NewTempDirectory("e2e-progress");

    [SkippableFact]
    public void Batch_and_convert_json_stay_pure_with_progress_lines_on_stderr_and_quiet_drops_them()
    {
        var input = Path.Combine(_root, "in");
        Assert.Equal(0, PipelineSegCli.Run("phantom", "--output", input, "--seed", "41", "--size", "64", "--slices", "6").ExitCode);

        var batch = PipelineSegCli.Run("batch", "--input", input, "--output", Path.Combine(_root, "out"), "--json");
        Assert.True(batch.ExitCode == 0, batch.Combined);
        using (var summary = JsonDocument.Parse(batch.StandardOutput))
        {
            Assert.Equal(1, summary.RootElement.GetProperty("succeeded").GetInt32());
        }
        Assert.Contains("batch: 1/1 series, 6/6 slices", batch.StandardError, StringComparison.Ordinal);

        var quiet = PipelineSegCli.Run("batch", "--input", input, "--output", Path.Combine(_root, "out-quiet"), "--json", "--quiet");
        Assert.True(quiet.ExitCode == 0, quiet.Combined);
        using (JsonDocument.Parse(quiet.StandardOutput))
        {
        }
        Assert.DoesNotContain("series,", quiet.StandardError, StringComparison.Ordinal);

        var convert = PipelineSegCli.Run("convert", "--input", Path.Combine(input, "phantom-0041", "ct"), "--output", Path.Combine(_root, "ct.nii.gz"), "--json");
        Assert.True(convert.ExitCode == 0, convert.Combined);
        using (JsonDocument.Parse(convert.StandardOutput))
        {
        }
        Assert.Contains("convert: 1/1 series, 6/6 slices", convert.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
