namespace PipelineSeg.Reporting.Overlays;

/// <summary>One plane cut from the scene and resampled to the output grid: image values and label values per output pixel.</summary>
internal sealed record PlaneSection(int Width, int Height, float[] Image, byte[]? Labels, byte[]? GroundTruth);
