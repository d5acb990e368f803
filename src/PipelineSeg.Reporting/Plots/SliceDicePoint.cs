namespace PipelineSeg.Reporting.Plots;

/// <summary>The Dice of one segment on one axial slice; null where it is undefined (neither side has the segment there).</summary>
public sealed record SliceDicePoint(int Z, double? Dice);
