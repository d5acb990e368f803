using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Inference;

/// <summary>One forward pass of one model; logits become probabilities (softmax over classes).</summary>
public sealed class ModelPass : IProbabilityPass
{
    private readonly ISegmentationModel _model;

    /// <summary>Wraps <paramref name="model"/>.</summary>
    /// <exception cref="NotSupportedException">The model does not produce a segmentation.</exception>
    public ModelPass(ISegmentationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var manifest = model.Manifest;
        if (manifest.Output.Kind is not (OutputKind.Probabilities or OutputKind.Logits))
        {
            throw new NotSupportedException($"model '{manifest.Id}' produces {manifest.Output.Kind}, not a segmentation");
        }
        _model = model;
    }

    /// <summary>The model.</summary>
    public ISegmentationModel Model => _model;

    /// <inheritdoc />
    public int Classes => _model.Manifest.Output.Channels;

    /// <inheritdoc />
    public void Run(ReadOnlySpan<float> input, int sliceCount, Span<float> probabilities, CancellationToken cancellationToken)
    {
        _model.Predict(input, sliceCount, probabilities, cancellationToken);
        if (_model.Manifest.Output.Kind == OutputKind.Logits)
        {
            Softmax.AcrossChannels(probabilities, sliceCount, Classes, _model.Manifest.Input.Width * _model.Manifest.Input.Height);
        }
    }
}
