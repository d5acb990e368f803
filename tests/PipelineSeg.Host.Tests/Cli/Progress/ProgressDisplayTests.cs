using PipelineSeg.Host.Cli;
using PipelineSeg.Host.Cli.Progress;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Tests.Cli.Progress;

/// <summary>Progress off a terminal is plain, throttled lines on standard error; --quiet is silent; --json never gets the live display.</summary>
public sealed class ProgressDisplayTests
{
    [SkippableFact]
    public async Task Plain_lines_go_to_standard_error_at_most_once_per_interval_with_rate_and_eta_and_end_with_the_last_state()
    {
        var clock = new ManualClock();
        var error = new StringWriter();
        var display = new LogLineProgress(error, TimeSpan.FromSeconds(10), clock);
        var result = await display.RunAsync("batch", progress =>
        {
            progress.Report(new WorkProgress(0, 4, 0, 100, "1.2.3"));
            clock.Advance(TimeSpan.FromSeconds(4));
            progress.Report(new WorkProgress(1, 4, 20, 100, "1.2.4")); // within the interval: not written
            clock.Advance(TimeSpan.FromSeconds(6));
            progress.Report(new WorkProgress(2, 4, 50, 100, "1.2.5")); // 10 s: written, 5 slices/s, 10 s left
            clock.Advance(TimeSpan.FromSeconds(2));
            progress.Report(new WorkProgress(3, 4, 60, 100, "1.2.6"));
            return Task.FromResult(42);
        });
        Assert.Equal(42, result);
        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "batch: 0/4 series, 0/100 slices, rate n/a, ETA n/a",
            "batch: 2/4 series, 50/100 slices, 5.0 slices/s, ETA 0:00:10",
            "batch: 3/4 series, 60/100 slices, 5.0 slices/s, ETA 0:00:08",
        ], lines);
    }

    [SkippableFact]
    public async Task The_last_state_is_not_written_twice()
    {
        var error = new StringWriter();
        await new LogLineProgress(error, TimeSpan.FromSeconds(10), new ManualClock()).RunAsync("convert", progress =>
        {
            progress.Report(new WorkProgress(1, 1, 5, 5, null));
            return Task.FromResult(0);
        });
        Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [SkippableTheory]
    [InlineData(true, false, false, typeof(SilentProgress))]
    [InlineData(true, true, false, typeof(SilentProgress))]
    [InlineData(false, true, true, typeof(LogLineProgress))]
    [InlineData(false, false, true, typeof(TerminalProgress))]
    [InlineData(false, false, false, typeof(LogLineProgress))]
    public void The_display_follows_quiet_json_and_the_terminal(bool quiet, bool json, bool terminal, Type expected)
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null) { OutputIsTerminal = terminal };
        Assert.IsType(expected, ProgressDisplays.For(context, quiet, json));
    }
}
