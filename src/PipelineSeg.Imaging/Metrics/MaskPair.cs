namespace PipelineSeg.Imaging.Metrics;

/// <summary>
/// One segment as a predicted and a ground-truth 0/1 mask on the same grid: the form in which overlapping segments
/// (a liver that contains its lesions) are scored.
/// </summary>
/// <param name="Label">Segment number or class index reported.</param>
/// <param name="Name">Segment name, if known.</param>
/// <param name="Prediction">Predicted mask (non-zero = inside).</param>
/// <param name="GroundTruth">Ground-truth mask on the same grid.</param>
public sealed record MaskPair(int Label, string? Name, Volume<byte> Prediction, Volume<byte> GroundTruth);
