namespace PipelineSeg.Dicom.Rt;

/// <summary>One CLOSED_PLANAR contour of an ROI on source slice <paramref name="SliceIndex"/>.</summary>
/// <param name="SliceIndex">Index into the series' slices (the image the contour lies on and references).</param>
/// <param name="Points">Patient coordinates (LPS, mm), interleaved x, y, z of each vertex; the last vertex connects to the first.</param>
public sealed record RtContour(int SliceIndex, double[] Points);
