using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Applicability;

/// <summary>The threshold test model with a model card.</summary>
internal sealed class CardedModel(IntendedUse card) : ISegmentationModel
{
    private readonly ThresholdModel _inner = new(size: 32);

    public ModelManifest Manifest { get; } = WithCard(new ThresholdModel(size: 32).Manifest, card);

    public void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default) =>
        _inner.Predict(input, sliceCount, output, cancellationToken);

    public void Dispose() => _inner.Dispose();

    /// <summary>How often the model ran.</summary>
    public int Calls => _inner.Calls;

    private static ModelManifest WithCard(ModelManifest m, IntendedUse card) => new()
    {
        Id = m.Id,
        Name = m.Name,
        Version = m.Version,
        Family = m.Family,
        Input = m.Input,
        Output = m.Output,
        IntendedUse = card,
    };
}
