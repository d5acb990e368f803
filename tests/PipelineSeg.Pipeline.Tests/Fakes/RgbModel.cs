using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Fakes;

/// <summary>
/// A tiny RGB model (ImageNet-style input: three colour channels, per-channel mean/std after a 50/400 window): it undoes
/// each channel's normalisation, averages the three colours into a grey level and decides as <see cref="ThresholdModel"/>
/// does, so on a grey series it must give the grey model's labels. It records its inputs.
/// </summary>
internal sealed class RgbModel : ISegmentationModel
{
    public static readonly double[] ImageNetMean = [0.485, 0.456, 0.406];
    public static readonly double[] ImageNetStd = [0.229, 0.224, 0.225];

    private readonly ThresholdModel _grey;

    public RgbModel(int size = 32)
    {
        _grey = new ThresholdModel(size);
        var spec = _grey.Manifest.Input;
        Manifest = new ModelManifest
        {
            Id = "rgb",
            Name = "RGB test model",
            Version = "0.0.1",
            Family = "test",
            Input = new ModelInputSpec
            {
                Height = spec.Height,
                Width = spec.Width,
                Channels = 3,
                Color = InputColor.Rgb,
                Intensity = spec.Intensity,
                ChannelMean = ImageNetMean,
                ChannelStd = ImageNetStd,
            },
            Output = _grey.Manifest.Output,
        };
    }

    public ModelManifest Manifest { get; }

    public List<float[]> Inputs { get; } = [];

    public void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default)
    {
        Inputs.Add(input.ToArray());
        var plane = Manifest.Input.Width * Manifest.Input.Height;
        var grey = new float[sliceCount * plane];
        for (var s = 0; s < sliceCount; s++)
        {
            for (var p = 0; p < plane; p++)
            {
                var sum = 0.0;
                for (var c = 0; c < 3; c++)
                {
                    sum += (input[(((s * 3) + c) * plane) + p] * ImageNetStd[c]) + ImageNetMean[c];
                }
                grey[(s * plane) + p] = (float)(sum / 3);
            }
        }
        _grey.Predict(grey, sliceCount, output, cancellationToken);
    }

    public void Dispose() => _grey.Dispose();
}
