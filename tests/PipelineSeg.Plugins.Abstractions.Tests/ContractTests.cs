using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Abstractions.Tests;

public sealed class ContractTests
{
    [SkippableTheory]
    [InlineData(2, 0, true)]
    [InlineData(2, 1, true)]
    [InlineData(2, 2, false)] // built against a newer minor: may use members this host lacks
    [InlineData(1, 0, false)] // contract 1 had PredictMonteCarlo and exposed the engine
    [InlineData(3, 0, false)]
    public void Compatibility_needs_same_major_and_no_newer_minor(int major, int minor, bool compatible) =>
        Assert.Equal(compatible, PluginContract.IsCompatible(new Version(major, minor)));

    [SkippableFact]
    public void Assembly_version_is_the_contract_version()
    {
        var v = typeof(PluginContract).Assembly.GetName().Version!;
        Assert.Equal(PluginContract.Version, new Version(v.Major, v.Minor));
    }

    [SkippableFact]
    public void Window_clips_and_maps_linearly_zscore_standardises_none_passes()
    {
        float[] values = [-1000, -150, 50, 250, 3000];
        new IntensityTransform { Kind = IntensityKind.Window, Center = 50, Width = 400 }.Apply(values);
        Assert.Equal([0f, 0f, 0.5f, 1f, 1f], values);
        float[] z = [10, 14];
        new IntensityTransform { Kind = IntensityKind.ZScore, Mean = 10, Std = 2 }.Apply(z);
        Assert.Equal([0f, 2f], z);
        float[] same = [3, 4];
        new IntensityTransform().Apply(same);
        Assert.Equal([3f, 4f], same);
        float[] signed = [-150, 250];
        new IntensityTransform { Kind = IntensityKind.Window, Center = 50, Width = 400, OutputMin = -1, OutputMax = 1 }.Apply(signed);
        Assert.Equal([-1f, 1f], signed);
    }

    [SkippableFact]
    public void Models_without_a_stochastic_mode_refuse_it_by_default()
    {
        using var model = new FixedModel();
        var ex = Assert.Throws<NotSupportedException>(() => ((ISegmentationModel)model).EnableStochasticMode(1));
        Assert.Contains("'fixed'", ex.Message, StringComparison.Ordinal);
        ((ISegmentationModel)model).DisableStochasticMode();
    }

    [SkippableFact]
    public void The_contract_uses_no_engine_type()
    {
        var references = typeof(PluginContract).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("PipelineSeg.Nn", references);
        Assert.DoesNotContain("PipelineSeg.Tensors", references);
    }

    [SkippableFact]
    public void Creation_context_resolves_manifest_paths_inside_the_plugin_folder()
    {
        var context = new ModelCreationContext("/opt/plugins/unet");
        Assert.Equal("/opt/plugins/unet/models/a.safetensors", context.ResolveFile("models/a.safetensors"));
    }

    private sealed class FixedModel : ISegmentationModel
    {
        public ModelManifest Manifest { get; } = new()
        {
            Id = "fixed", Name = "f", Version = "1", Family = "test",
            Input = new ModelInputSpec { Height = 1, Width = 1 },
            Output = new ModelOutputSpec { Classes = [new SegmentClass { Index = 0, Label = "bg", IsBackground = true }, new SegmentClass { Index = 1, Label = "x" }] },
        };

        public void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default) => output.Fill(0.5f);

        public void Dispose()
        {
        }
    }
}
