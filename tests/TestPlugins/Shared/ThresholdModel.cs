using PipelineSeg.Plugins.Abstractions;

namespace TestPlugins.Shared;

/// <summary>A two-class test model: P(foreground) = logistic(steepness · (v − threshold)); threshold read from a model file.</summary>
internal sealed class ThresholdModel : ISegmentationModel
{
    private readonly float _threshold;
    private readonly Func<float, float> _logistic;

    public ThresholdModel(ModelManifest manifest, float threshold, Func<float, float>? logistic = null)
    {
        Manifest = manifest;
        _threshold = threshold;
        _logistic = logistic ?? (v => 1f / (1f + MathF.Exp(-v)));
    }

    public ModelManifest Manifest { get; }

    public bool IsDisposed { get; private set; }

    public void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var plane = Manifest.Input.Height * Manifest.Input.Width;
        if (input.Length != Manifest.InputLength(sliceCount) || output.Length != Manifest.OutputLength(sliceCount))
        {
            throw new ArgumentException($"expected {Manifest.InputLength(sliceCount)} inputs and {Manifest.OutputLength(sliceCount)} outputs");
        }
        var steepness = (float)Manifest.GetDouble("steepness", 10);
        for (var n = 0; n < sliceCount; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < plane; i++)
            {
                var p = _logistic(steepness * (input[(n * plane) + i] - _threshold));
                output[(n * 2 * plane) + i] = 1 - p;
                output[(((n * 2) + 1) * plane) + i] = p;
            }
        }
    }

    public void Dispose() => IsDisposed = true;
}
