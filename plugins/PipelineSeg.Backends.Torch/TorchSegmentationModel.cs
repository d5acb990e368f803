using PipelineSeg.Plugins.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch;

/// <summary>
/// A LibTorch network behind the plugin contract: each <see cref="Predict"/> call is one forward pass over all its
/// slices (the pipeline's slice batch, <c>Inference:SlicesPerBatchByBackend:torch</c>), on the model's device.
/// </summary>
internal sealed class TorchSegmentationModel : ISegmentationModel, IModelPlacement
{
    private readonly TorchNetwork _network;
    private readonly Device _device;
    private float[] _input = [];

    public TorchSegmentationModel(ModelManifest manifest, TorchNetwork network, TorchPlacement placement)
    {
        Manifest = manifest;
        _network = network;
        _device = placement.Device;
        Device = placement.Contract;
        Note = placement.Note;
    }

    /// <inheritdoc />
    public ModelManifest Manifest { get; }

    /// <inheritdoc />
    public ExecutionDevice Device { get; }

    /// <inheritdoc />
    public string? Note { get; }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default)
    {
        Manifest.CheckPredictBuffers(input.Length, sliceCount, output.Length);
        cancellationToken.ThrowIfCancellationRequested();
        if (_input.Length != input.Length)
        {
            _input = new float[input.Length];
        }
        input.CopyTo(_input);
        var spec = Manifest.Input;
        using var scope = NewDisposeScope();
        var x = tensor(_input, [sliceCount, spec.Channels, spec.Height, spec.Width]).to(_device);
        var y = _network.Forward(x).to(CPU).contiguous();
        y.data<float>().CopyTo(output);
    }

    /// <inheritdoc />
    public void Dispose() => _network.Dispose();
}
