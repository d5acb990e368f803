namespace PipelineSeg.Reporting.Summary;

/// <summary>One segment of one series: its name, predicted volume (mL) and its ground-truth metrics by metric key (null = undefined).</summary>
public sealed record SummarySegment(string Name, double VolumeMl, IReadOnlyDictionary<string, double?> Metrics);
