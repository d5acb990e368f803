namespace PipelineSeg.Dicom.Rt;

/// <summary>One contour read back.</summary>
/// <param name="GeometricType">Contour Geometric Type (CLOSED_PLANAR, POINT, OPEN_PLANAR, …).</param>
/// <param name="ReferencedSopInstanceUid">The image the contour references, or null.</param>
/// <param name="Points">Patient coordinates, interleaved x, y, z.</param>
public sealed record RtContourData(string GeometricType, string? ReferencedSopInstanceUid, double[] Points);
