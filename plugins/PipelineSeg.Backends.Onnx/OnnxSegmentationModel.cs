using Microsoft.ML.OnnxRuntime;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Onnx;

/// <summary>
/// An ONNX graph behind the plugin contract: each <see cref="Predict"/> call is one run over all its slices (the pipeline's
/// slice batch), or one run per slice when the graph's batch dimension is fixed to 1. The graph gives what the
/// manifest's output kind says (e.g. probabilities when it ends in a softmax).
/// </summary>
internal sealed class OnnxSegmentationModel : ISegmentationModel, IModelPlacement
{
    private readonly InferenceSession _session;
    private readonly SessionOptions _options;
    private readonly GraphIo _io;
    private readonly RunOptions _run = new();
    private float[] _input = [];
    private float[] _output = [];

    public OnnxSegmentationModel(ModelManifest manifest, InferenceSession session, SessionOptions options, GraphIo io, Placement placement)
    {
        Manifest = manifest;
        _session = session;
        _options = options;
        _io = io;
        Device = placement.Device;
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
        var step = _io.OneSlicePerRun ? 1 : sliceCount;
        var (inPerSlice, outPerSlice) = (Manifest.InputLength(1), Manifest.OutputLength(1));
        for (var start = 0; start < sliceCount; start += step)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(step, sliceCount - start);
            Run(input.Slice(start * inPerSlice, n * inPerSlice), n, output.Slice(start * outPerSlice, n * outPerSlice));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _run.Dispose();
        _session.Dispose();
        _options.Dispose();
    }

    private void Run(ReadOnlySpan<float> input, int n, Span<float> output)
    {
        // ORT binds managed arrays by pinning them: one reusable buffer each way, grown to the largest batch seen.
        if (_input.Length < input.Length)
        {
            _input = new float[input.Length];
        }
        if (_output.Length < output.Length)
        {
            _output = new float[output.Length];
        }
        input.CopyTo(_input);
        var spec = Manifest.Input;
        long[] inShape = [n, spec.Channels, spec.Height, spec.Width];
        long[] outShape = Manifest.Output.Kind == OutputKind.Score ? [n, Manifest.Output.Channels] : [n, Manifest.Output.Channels, spec.Height, spec.Width];
        using var x = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _input.AsMemory(0, input.Length), inShape);
        using var y = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _output.AsMemory(0, output.Length), outShape);
        _session.Run(_run, [_io.Input], [x], [_io.Output], [y]);
        _output.AsSpan(0, output.Length).CopyTo(output);
    }
}
