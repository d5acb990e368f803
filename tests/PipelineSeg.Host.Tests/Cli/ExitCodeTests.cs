namespace PipelineSeg.Host.Tests.Cli;

public sealed class ExitCodeTests
{
    [SkippableFact]
    public async Task No_command_is_a_usage_error()
    {
        var (code, _, error) = await CliRun.RunAsync();
        Assert.Equal(2, code);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Unknown_command_is_a_usage_error()
    {
        var (code, _, error) = await CliRun.RunAsync("segment-everything");
        Assert.Equal(2, code);
        Assert.Contains("segment-everything", error, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("batch", "--output", "x")]
    [InlineData("phantom")]
    [InlineData("inspect")]
    public async Task Missing_required_input_is_a_usage_error(params string[] args)
    {
        var (code, _, error) = await CliRun.RunAsync(args);
        Assert.Equal(2, code);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Batch_with_a_missing_input_folder_is_a_usage_error()
    {
        var (code, _, error) = await CliRun.RunAsync("batch", "--input", "/nonexistent/pipelineseg-input", "--output", Path.GetTempPath());
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/pipelineseg-input", error, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("--size", "4")]
    [InlineData("--count", "0")]
    [InlineData("--format", "png")]
    public async Task Phantom_rejects_bad_values(string option, string value)
    {
        var (code, _, _) = await CliRun.RunAsync("phantom", "--output", Path.GetTempPath(), option, value);
        Assert.Equal(2, code);
    }

    [SkippableTheory]
    [InlineData("--help")]
    [InlineData("batch", "--help")]
    [InlineData("serve", "--help")]
    [InlineData("inspect", "--help")]
    [InlineData("models", "--help")]
    [InlineData("phantom", "--help")]
    public async Task Help_is_available_everywhere(params string[] args)
    {
        var (code, output, _) = await CliRun.RunAsync(args);
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Root_help_lists_every_command()
    {
        var (_, output, _) = await CliRun.RunAsync("--help");
        foreach (var command in new[] { "batch", "serve", "inspect", "models", "phantom" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Serve_without_watch_folders_is_a_configuration_error()
    {
        var (code, _, error) = await CliRun.RunAsync("serve");
        Assert.Equal(2, code);
        Assert.Contains("Intake:WatchFolders", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_undefined_pipeline_is_a_usage_error_naming_the_defined_ones()
    {
        var (code, _, error) = await CliRun.RunAsync("batch", "--input", Path.GetTempPath(), "--output", Path.GetTempPath(), "--pipeline", "brain");
        Assert.Equal(2, code);
        Assert.Contains("'brain'", error, StringComparison.Ordinal);
        Assert.Contains("liver", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_missing_config_file_is_a_configuration_error()
    {
        var (code, _, error) = await CliRun.RunAsync("models", "--config", "/nonexistent/extra.json");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/extra.json", error, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("npy", "ct.npy", "labels.npy", "anatomy.npy", "meta.json")]
    [InlineData("nifti", "ct.nii.gz", "labels.nii.gz", "anatomy.nii.gz", "meta.json")]
    [InlineData("dicom", "ct/CT0001.dcm", "ct/CT0004.dcm", "ground-truth/labels.seg.dcm")]
    public async Task Phantom_writes_each_format(string format, params string[] files)
    {
        var dir = TestPaths.NewTempDirectory("phantom-cli");
        try
        {
            var (code, output, _) = await CliRun.RunAsync("phantom", "--output", dir, "--seed", "3", "--format", format, "--size", "32", "--slices", "4");
            Assert.Equal(0, code);
            Assert.Contains("seed 3", output, StringComparison.Ordinal);
            foreach (var file in files)
            {
                Assert.True(File.Exists(Path.Combine(dir, "phantom-0003", file)), file);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
