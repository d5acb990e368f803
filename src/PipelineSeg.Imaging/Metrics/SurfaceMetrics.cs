namespace PipelineSeg.Imaging.Metrics;

/// <summary>Surface distances in mm (medpy conventions); null when either mask is empty.</summary>
/// <param name="Hausdorff">Largest directed surface distance, both directions.</param>
/// <param name="Hausdorff95">95th percentile (numpy linear interpolation) of the pooled directed surface distances.</param>
/// <param name="AverageSymmetricSurfaceDistance">Mean of the two directed mean surface distances (medpy.assd).</param>
/// <param name="PredictionSurfaceVoxels">Surface voxels of the prediction.</param>
/// <param name="GroundTruthSurfaceVoxels">Surface voxels of the ground truth.</param>
public sealed record SurfaceMetrics(
    double? Hausdorff,
    double? Hausdorff95,
    double? AverageSymmetricSurfaceDistance,
    long PredictionSurfaceVoxels,
    long GroundTruthSurfaceVoxels)
{
    /// <summary>All distances undefined (one side or both sides empty).</summary>
    public static SurfaceMetrics Undefined(long predictionSurface, long groundTruthSurface) =>
        new(null, null, null, predictionSurface, groundTruthSurface);
}
