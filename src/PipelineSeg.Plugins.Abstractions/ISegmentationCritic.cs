namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// A critic shipped with a model (e.g. the SegAN critic a DeepLabV3 was trained against): a distance between the image
/// masked by the predicted foreground and the image masked by the ground truth, in the critic's feature space. The
/// pipeline asks <see cref="ISegmentationModel.Critic"/> for it and reports the distance when ground truth is present
/// (report.json <c>groundTruth.criticDistance</c>). Lower is closer; 0 means the masks agree. One call at a time.
/// </summary>
public interface ISegmentationCritic
{
    /// <summary>How the distance is defined, for logs and documentation (e.g. "SegAN multiscale L1").</summary>
    string Definition { get; }

    /// <summary>Distance of each slice.</summary>
    /// <param name="input">The model input of the slices, [sliceCount, Input.Channels, Input.Height, Input.Width].</param>
    /// <param name="prediction">Predicted foreground in [0, 1], [sliceCount, 1, Input.Height, Input.Width].</param>
    /// <param name="truth">Ground-truth foreground in [0, 1], same layout as <paramref name="prediction"/>.</param>
    /// <param name="sliceCount">Batch size N.</param>
    /// <param name="distances">One distance per slice (N values).</param>
    /// <param name="cancellationToken">Checked between slices.</param>
    void Distances(ReadOnlySpan<float> input, ReadOnlySpan<float> prediction, ReadOnlySpan<float> truth, int sliceCount,
        Span<double> distances, CancellationToken cancellationToken = default);
}
