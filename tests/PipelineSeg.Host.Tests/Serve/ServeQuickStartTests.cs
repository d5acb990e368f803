using PipelineSeg.Host.Cli;

namespace PipelineSeg.Host.Tests.Serve;

public sealed class ServeQuickStartTests
{
    [SkippableFact]
    public void Inbox_and_output_define_the_first_watched_folder_with_absolute_paths()
    {
        var (overrides, usage) = ServeCommand.QuickStart(new DirectoryInfo("in"), new DirectoryInfo("/data/out"), 3, "liver");
        Assert.Null(usage);
        Assert.Equal(Path.GetFullPath("in"), overrides["Intake:WatchFolders:0:Path"]);
        Assert.Equal("/data/out", overrides["Intake:WatchFolders:0:Output"]);
        Assert.Equal("liver", overrides["Intake:WatchFolders:0:Pipeline"]);
        Assert.Equal("00:00:03", overrides["Intake:SettleTime"]);
    }

    [SkippableTheory]
    [InlineData("in", null, null, null, "--inbox and --output")]
    [InlineData(null, "out", null, null, "--inbox and --output")]
    [InlineData(null, null, null, "liver", "--pipeline")]
    [InlineData("in", "out", -1, null, "--quiet-seconds")]
    public void Incomplete_quick_start_flags_are_a_usage_error(string? inbox, string? output, int? quiet, string? pipeline, string expected)
    {
        var (_, usage) = ServeCommand.QuickStart(inbox is null ? null : new DirectoryInfo(inbox), output is null ? null : new DirectoryInfo(output), quiet, pipeline);
        Assert.Contains(expected, usage, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Serve_without_a_watched_folder_says_how_to_give_one()
    {
        var (code, _, error) = await Cli.CliRun.RunAsync("serve");
        Assert.Equal(2, code);
        Assert.Contains("--inbox DIR --output DIR", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Serve_with_inbox_but_no_output_is_a_usage_error()
    {
        var (code, _, error) = await Cli.CliRun.RunAsync("serve", "--inbox", "/tmp/nowhere");
        Assert.Equal(2, code);
        Assert.Contains("--inbox and --output", error, StringComparison.Ordinal);
    }
}
