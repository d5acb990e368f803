using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;
using Xunit.Abstractions;

namespace PipelineSeg.Backends.Torch.Tests;

/// <summary>
/// The DeepLab plugin's models on TorchSharp, rebuilt from the same safetensors state dict the builtin engine loads:
/// against tools/reference/deeplabv3_reference.py and the builtin engine (both output strides, BasicBlock and Bottleneck
/// backbones, odd sizes for the align_corners=False upsampling), and on the two sample models.
/// </summary>
public sealed class NativeDeepLabTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-4;
    private static readonly ExecutionTarget Builtin = new("builtin", ExecutionDevice.Cpu);
    private static readonly ExecutionTarget Torch = new("torch", ExecutionDevice.Cpu);

    [SkippableTheory]
    [InlineData("resnet18", 8, 8, 40, 36)]
    [InlineData("resnet50", 16, 4, 33, 48)]
    public async Task Torch_deeplab_matches_pytorch_and_the_builtin_engine(string backbone, int outputStride, int baseWidth, int height, int width)
    {
        const int Slices = 2;
        var parameters = $$"""{"preset":"torchvision","backbone":"{{backbone}}","num_classes":2,"in_channels":1,"output_stride":{{outputStride}},"base_width":{{baseWidth}},"aspp_channels":16}""";
        using var reference = ReferenceCheckpoint.Make("deeplabv3", parameters, $"{Slices},1,{height},{width}");
        using var folder = new TorchPluginFolder().WithTorch();
        DeepLabModels.Add(folder.AddDeepLab(), "deeplabv3-reference", reference.Weights, height, width, parameters);
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);
        using var builtin = catalog.CreateModel("deeplabv3-reference", Builtin);
        using var torch = catalog.CreateModel("deeplabv3-reference", Torch);

        var input = reference.Values("input.npy");
        var expected = Softmax(reference.Values("expected.npy"), Slices, height * width);
        var (fromTorch, fromBuiltin) = (new float[expected.Length], new float[expected.Length]);
        torch.Predict(input, Slices, fromTorch);
        builtin.Predict(input, Slices, fromBuiltin);
        var versusPyTorch = MaxDifference(expected, fromTorch);
        var versusBuiltin = MaxDifference(fromBuiltin, fromTorch);
        output.WriteLine($"TorchSharp DeepLabV3 {backbone} OS {outputStride}: max abs probability error vs PyTorch 1.13 {versusPyTorch:E2}, vs builtin {versusBuiltin:E2}");
        Assert.InRange(versusPyTorch, 0, Tolerance);
        Assert.InRange(versusBuiltin, 0, Tolerance);
        Assert.Contains(fromTorch, p => p is > 0.05f and < 0.95f);
    }

    [SkippableTheory]
    [InlineData(DeepLabModels.Bundled, null)]
    [InlineData("deeplabv3-resnet18-lung-tumour-msd",
        """{"preset":"torchvision","backbone":"resnet18","num_classes":2,"in_channels":1,"output_stride":8,"base_width":16,"aspp_channels":64}""")]
    public async Task The_sample_models_give_the_builtin_probabilities_on_torch(string id, string? parameters)
    {
        using var folder = new TorchPluginFolder().WithTorch();
        var deepLab = folder.AddDeepLab();
        if (parameters is not null)
        {
            // Not in the plugin's manifest: served here as `models new` would (samples/models/<id>/README.md), 48×48.
            DeepLabModels.Add(deepLab, id, TestPaths.Repo("samples", "models", id, "model.safetensors"), 48, 48, parameters);
        }
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);
        using var builtin = catalog.CreateModel(id, Builtin);
        using var torch = catalog.CreateModel(id, Torch);
        var difference = Parity.MaxDifference(builtin, torch, slices: 3);
        output.WriteLine($"{id} (float16 weights) on TorchSharp vs builtin: max abs probability difference {difference:E2}");
        Assert.InRange(difference, 0, Tolerance);
    }

    [SkippableTheory]
    [InlineData("\"backbone\": \"resnet18\"", "\"backbone\": \"resnet34\"", "backbone.layer1.2.conv1.weight")]
    [InlineData("\"aspp_channels\": 64", "\"aspp_channels\": 32", "classifier.0.convs.0.0.weight")]
    public async Task A_state_dict_that_does_not_fit_names_the_keys(string parameter, string changed, string key)
    {
        using var folder = new TorchPluginFolder().WithTorch();
        var manifest = Path.Combine(folder.AddDeepLab(), "plugin.json");
        var text = await File.ReadAllTextAsync(manifest);
        Assert.Contains(parameter, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(manifest, text.Replace(parameter, changed, StringComparison.Ordinal));
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        var e = Assert.Throws<InvalidOperationException>(() => catalog.CreateModel(DeepLabModels.Bundled, Torch));
        output.WriteLine(e.Message);
        Assert.Contains("model.safetensors does not fit the DeepLabV3", e.Message, StringComparison.Ordinal);
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }

    /// <summary>Softmax over the classes of NCHW logits, as the DeepLab plugin gives its probabilities.</summary>
    private static float[] Softmax(float[] logits, int slices, int pixels)
    {
        var classes = logits.Length / (slices * pixels);
        var probabilities = new float[logits.Length];
        for (var s = 0; s < slices; s++)
        {
            for (var p = 0; p < pixels; p++)
            {
                var at = Enumerable.Range(0, classes).Select(c => ((s * classes) + c) * pixels + p).ToArray();
                var max = at.Max(i => logits[i]);
                var sum = at.Sum(i => Math.Exp(logits[i] - max));
                foreach (var i in at)
                {
                    probabilities[i] = (float)(Math.Exp(logits[i] - max) / sum);
                }
            }
        }
        return probabilities;
    }

    private static double MaxDifference(float[] a, float[] b) => a.Zip(b).Max(p => Math.Abs((double)p.First - p.Second));
}
