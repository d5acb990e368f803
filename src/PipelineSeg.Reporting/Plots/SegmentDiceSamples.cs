namespace PipelineSeg.Reporting.Plots;

/// <summary>The Dice values of one segment across the cases of a batch (one per case that has ground truth).</summary>
public sealed record SegmentDiceSamples(string Segment, IReadOnlyList<double> Dice);
