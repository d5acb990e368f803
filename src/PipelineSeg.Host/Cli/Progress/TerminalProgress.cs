using System.Diagnostics;
using System.Globalization;
using PipelineSeg.Pipeline.Batch;
using Spectre.Console;

namespace PipelineSeg.Host.Cli.Progress;

/// <summary>The live display on a terminal (Spectre.Console): a series bar and a slice bar with rate and time left.</summary>
internal sealed class TerminalProgress(IAnsiConsole console) : IProgressDisplay
{
    /// <inheritdoc />
    public Task<T> RunAsync<T>(string title, Func<IProgress<WorkProgress>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var series = context.AddTask(Markup.Escape(title) + ": series", maxValue: 1);
                var slices = context.AddTask("slices", maxValue: 1);
                var result = await work(new Sink(series, slices, Stopwatch.StartNew())).ConfigureAwait(false);
                series.StopTask();
                slices.StopTask();
                return result;
            });
    }

    private sealed class Sink(ProgressTask series, ProgressTask slices, Stopwatch clock) : IProgress<WorkProgress>
    {
        public void Report(WorkProgress value)
        {
            series.MaxValue = Math.Max(1, value.SeriesTotal);
            series.Value = value.SeriesDone;
            slices.MaxValue = Math.Max(1, value.SlicesTotal);
            slices.Value = value.SlicesDone;
            var rate = ProgressText.Rate(value, clock.Elapsed) is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "/s" : "…";
            slices.Description = $"slices {value.SlicesDone}/{value.SlicesTotal} ({rate})";
        }
    }
}
