using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Fakes;

/// <summary>
/// A stand-in model: "liver" where the windowed input lies in a band, "lesion" above it, background elsewhere.
/// It records what it was given so tests can check resizing, channels and the intensity transform. With
/// <c>stochastic</c> it has a stochastic mode that blends seeded noise into its probabilities (a stand-in for dropout).
/// </summary>
internal sealed class ThresholdModel : ISegmentationModel
{
    private Random? _noise;

    public ThresholdModel(int size = 32, OutputKind kind = OutputKind.Probabilities, int channels = 1, ChannelLayout layout = ChannelLayout.SingleSlice,
        bool stochastic = false, bool flips = false, string id = "threshold", double? defaultThreshold = null, double? pixelSpacingMm = null)
    {
        Manifest = new ModelManifest
        {
            Id = id,
            Capabilities = new ModelCapabilities { MonteCarloDropout = stochastic, TestTimeFlips = flips },
            Name = "Threshold test model",
            Version = "0.0.1",
            Family = "test",
            Input = new ModelInputSpec
            {
                Height = size,
                Width = size,
                Channels = channels,
                Layout = layout,
                PixelSpacingMm = pixelSpacingMm,
                Intensity = new IntensityTransform { Kind = IntensityKind.Window, Center = 50, Width = 400 },
            },
            Output = new ModelOutputSpec
            {
                Kind = kind,
                DefaultThreshold = defaultThreshold,
                Classes =
                [
                    new SegmentClass { Index = 0, Label = "background", IsBackground = true },
                    new SegmentClass { Index = 1, Label = "liver", Contains = ["lesion"], Category = new CodedConcept("123037004", "SCT", "Anatomical Structure"), Type = new CodedConcept("10200004", "SCT", "Liver") },
                    new SegmentClass { Index = 2, Label = "lesion", Category = new CodedConcept("49755003", "SCT", "Morphologically Altered Structure"), Type = new CodedConcept("108369006", "SCT", "Neoplasm") },
                ],
            },
        };
    }

    public ModelManifest Manifest { get; }

    public List<float[]> Inputs { get; } = [];

    public int Calls { get; private set; }

    /// <summary>Called with the call count at each prediction (tests cancel from here).</summary>
    public Action<int>? OnPredict { get; init; }

    public bool Disposed { get; private set; }

    public List<int> StochasticSeeds { get; } = [];

    public bool IsStochastic => _noise is not null;

    /// <summary>The critic the pipeline asks for (none unless a test gives one).</summary>
    public ISegmentationCritic? Critic { get; init; }

    public void EnableStochasticMode(int seed)
    {
        if (!Manifest.Capabilities.MonteCarloDropout)
        {
            throw new NotSupportedException("no stochastic mode");
        }
        StochasticSeeds.Add(seed);
        _noise = new Random(seed);
    }

    public void DisableStochasticMode() => _noise = null;

    public void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default)
    {
        Calls++;
        OnPredict?.Invoke(Calls);
        Inputs.Add(input.ToArray());
        var plane = Manifest.Input.Width * Manifest.Input.Height;
        var channels = Manifest.Input.Channels;
        for (var s = 0; s < sliceCount; s++)
        {
            for (var p = 0; p < plane; p++)
            {
                // Centre channel; window 50/400 maps HU 50..250 to 0.5..1.0 (liver band 0.5–0.6, lesion above).
                var v = input[(((s * channels) + (channels / 2)) * plane) + p];
                var cls = v > 0.75f ? 2 : v > 0.5f ? 1 : 0;
                // In stochastic mode a seeded share of the mass moves to a random class (probabilities still sum to 1).
                var (moved, to) = _noise is null ? (0f, 0) : ((float)_noise.NextDouble() * 0.5f, _noise.Next(3));
                for (var k = 0; k < 3; k++)
                {
                    var hit = k == cls;
                    var value = Manifest.Output.Kind == OutputKind.Logits ? (hit ? 4f : -4f) : (hit ? 0.9f : 0.05f);
                    output[(((s * 3) + k) * plane) + p] = Manifest.Output.Kind == OutputKind.Logits ? value : (value * (1 - moved)) + (k == to ? moved : 0);
                }
            }
        }
    }

    public void Dispose() => Disposed = true;
}
