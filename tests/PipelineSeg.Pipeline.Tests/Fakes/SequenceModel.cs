using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Fakes;

/// <summary>
/// A two-class stochastic stand-in whose k-th pass since <see cref="EnableStochasticMode"/> gives the foreground a known
/// probability <see cref="Foreground"/>(k, pixel), so tests can compute the spread over passes directly.
/// </summary>
internal sealed class SequenceModel : ISegmentationModel
{
    private int _pass;

    public SequenceModel(int size)
    {
        Manifest = new ModelManifest
        {
            Id = "sequence",
            Capabilities = new ModelCapabilities { MonteCarloDropout = true },
            Name = "Sequence test model",
            Version = "0.0.1",
            Family = "test",
            Input = new ModelInputSpec { Height = size, Width = size, Intensity = new IntensityTransform { Kind = IntensityKind.Window, Center = 50, Width = 400 } },
            Output = new ModelOutputSpec
            {
                Classes =
                [
                    new SegmentClass { Index = 0, Label = "background", IsBackground = true },
                    new SegmentClass { Index = 1, Label = "liver", Category = new CodedConcept("123037004", "SCT", "Anatomical Structure"), Type = new CodedConcept("10200004", "SCT", "Liver") },
                ],
            },
        };
    }

    public ModelManifest Manifest { get; }

    /// <summary>Foreground probability of pass <paramref name="pass"/> at slab pixel <paramref name="pixel"/> ([s, y, x] flattened).</summary>
    public static float Foreground(int pass, int pixel) => ((pass * 31) + (pixel * 7)) % 11 / 10f;

    public void EnableStochasticMode(int seed) => _pass = 0;

    public void DisableStochasticMode()
    {
    }

    public void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default)
    {
        var plane = Manifest.Input.Width * Manifest.Input.Height;
        for (var s = 0; s < sliceCount; s++)
        {
            for (var p = 0; p < plane; p++)
            {
                var f = Foreground(_pass, (s * plane) + p);
                output[(((s * 2) + 0) * plane) + p] = 1 - f;
                output[(((s * 2) + 1) * plane) + p] = f;
            }
        }
        _pass++;
    }

    public void Dispose()
    {
    }
}
