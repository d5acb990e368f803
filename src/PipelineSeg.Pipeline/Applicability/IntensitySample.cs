namespace PipelineSeg.Pipeline.Applicability;

/// <summary>
/// What the pre-inference intensity check saw: a few evenly spaced slices, their body masks (kept for the result
/// check "outside the body") and the histogram of body voxels after the model's intensity transform.
/// </summary>
/// <param name="SliceIndices">The sampled slice indices (z), ascending.</param>
/// <param name="BodyMasks">One mask per sampled slice, Rows × Columns, 1 inside the body.</param>
/// <param name="Frequencies">Relative frequency per histogram bin (all zero when no voxel was inside the body).</param>
/// <param name="BodyVoxels">Voxels inside the body over all sampled slices.</param>
public sealed record IntensitySample(IReadOnlyList<int> SliceIndices, IReadOnlyList<byte[]> BodyMasks, double[] Frequencies, long BodyVoxels);
