namespace PipelineSeg.Reporting.Overlays;

/// <summary>One segment as drawn: the voxel value that marks it in the label volume, its name and its RGB colour.</summary>
public sealed record OverlaySegment(byte Label, string Name, (byte R, byte G, byte B) Color);
