namespace PipelineSeg.Reporting.Plots;

/// <summary>One line of a <see cref="MetricCurvePlot"/>: a model's mean metric at each threshold (null: undefined there).</summary>
public sealed record MetricCurve(string Name, IReadOnlyList<(double Threshold, double? Value)> Points);
