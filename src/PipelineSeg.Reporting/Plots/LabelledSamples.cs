namespace PipelineSeg.Reporting.Plots;

/// <summary>The values of one box of a <see cref="MetricBoxPlot"/> (e.g. a model's per-case Dice).</summary>
public sealed record LabelledSamples(string Label, IReadOnlyList<double> Values);
