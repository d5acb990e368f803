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
    [InlineData("inspect", "--json")]
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
    public async Task An_unknown_output_is_a_usage_error_naming_it_and_the_known_ones()
    {
        var (code, _, error) = await CliRun.RunAsync("batch", "--input", Path.GetTempPath(), "--output", Path.GetTempPath(), "--outputs", "seg,stl");
        Assert.Equal(2, code);
        Assert.Contains("--outputs: unknown output 'stl' (known: seg, rtstruct, overlay, nifti, html)", error, StringComparison.Ordinal);
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

    [SkippableFact]
    public async Task An_output_folder_that_is_a_file_is_a_usage_error_naming_it()
    {
        var file = Path.GetTempFileName();
        try
        {
            foreach (var args in new[] { new[] { "batch", "--input", Path.GetTempPath(), "--output", file }, ["phantom", "--output", file, "--size", "16", "--slices", "1"] })
            {
                var (code, _, error) = await CliRun.RunAsync(args);
                Assert.True(code == 2, $"{args[0]}: {error}");
                Assert.Contains(file, error, StringComparison.Ordinal);
                Assert.Contains("existing file", error, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [SkippableFact]
    public async Task Inspect_takes_input_as_an_option_and_still_accepts_the_old_positional_path()
    {
        var samples = TestPaths.Repo("samples", "dicom", "phantom-0002");
        var (byOption, fromOption, _) = await CliRun.RunAsync("inspect", "--input", samples);
        var (byArgument, fromArgument, _) = await CliRun.RunAsync("inspect", samples);
        Assert.Equal(0, byOption);
        Assert.Equal(0, byArgument);
        Assert.Equal(fromOption, fromArgument);
        var (both, _, error) = await CliRun.RunAsync("inspect", "--input", samples, samples);
        Assert.Equal(2, both);
        Assert.Contains("once", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_output_file_that_cannot_be_written_ends_in_exit_code_1_with_the_reason_not_a_stack_trace()
    {
        var root = TestPaths.NewTempDirectory("cli-summary-blocked");
        try
        {
            var input = Path.Combine(root, "in");
            var output = Path.Combine(root, "out");
            Directory.CreateDirectory(input);
            Directory.CreateDirectory(Path.Combine(output, "batch-summary.json")); // a folder where the summary file goes

            var (code, _, error) = await CliRun.RunAsync("batch", "--input", input, "--output", output);

            Assert.Equal(1, code);
            Assert.Contains("batch-summary.json", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
