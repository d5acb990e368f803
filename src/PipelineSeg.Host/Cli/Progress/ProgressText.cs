using System.Globalization;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Cli.Progress;

/// <summary>Rate and remaining time from the slices done so far, and the one-line form of a progress report.</summary>
internal static class ProgressText
{
    /// <summary>Slices per second so far; null before any slice is done.</summary>
    public static double? Rate(WorkProgress p, TimeSpan elapsed) =>
        p.SlicesDone > 0 && elapsed > TimeSpan.Zero ? p.SlicesDone / elapsed.TotalSeconds : null;

    /// <summary>Time left at the rate so far; null while the rate is unknown.</summary>
    public static TimeSpan? Remaining(WorkProgress p, TimeSpan elapsed) =>
        Rate(p, elapsed) is { } rate ? TimeSpan.FromSeconds(Math.Max(0, p.SlicesTotal - p.SlicesDone) / rate) : null;

    /// <summary>"title: 2/3 series, 56/80 slices, 12.3 slices/s, ETA 0:00:05".</summary>
    public static string Line(string title, WorkProgress p, TimeSpan elapsed)
    {
        var rate = Rate(p, elapsed) is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + " slices/s" : "rate n/a";
        var eta = Remaining(p, elapsed) is { } t ? "ETA " + t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "ETA n/a";
        return $"{title}: {p.SeriesDone}/{p.SeriesTotal} series, {p.SlicesDone}/{p.SlicesTotal} slices, {rate}, {eta}";
    }
}
