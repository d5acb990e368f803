using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;
using PipelineSeg.Tensors;
using Xunit.Abstractions;

namespace PipelineSeg.Backends.Torch.Tests;

/// <summary>
/// The bundled SegNet, CycleGAN, milesial U-Net and LGAN models on TorchSharp, rebuilt from the family plugin's own
/// safetensors: the same outputs as the builtin engine and as PyTorch 1.13 with the same weights.
/// </summary>
public sealed class NativeFamilyTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> SampleModels => new()
    {
        { "SegNet", "segnet-liver-phantom" },
        { "CycleGan", "cyclegan-liver-phantom" },
        { "UNet", "unet-milesial-liver-phantom" },
        { "UNet", "lgan-liver-phantom" },
    };

    [SkippableTheory]
    [MemberData(nameof(SampleModels))]
    public async Task Sample_model_on_torch_matches_pytorch_and_the_builtin_engine(string plugin, string modelId)
    {
        using var folder = new TorchPluginFolder().WithTorch().WithPlugin(plugin);
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);
        using var builtin = catalog.CreateModel(modelId, new ExecutionTarget("builtin", ExecutionDevice.Cpu));
        using var torch = catalog.CreateModel(modelId, new ExecutionTarget("torch", ExecutionDevice.Cpu));
        var manifest = builtin.Manifest;
        // A held-out phantom slice (a liver in the middle) and a slice of noise.
        const int slices = 2;
        var phantom = NpyFile.Read(TestPaths.Repo("tests", "PipelineSeg.Plugins.Hosting.Tests", "Fixtures", "unet-liver-phantom", "input.npy")).AsFloat32().ToArray();
        float[] input = [.. phantom, .. PyTorchReference.Noise(manifest.InputLength(1), seed: 14)];
        var weights = Path.Combine(folder.Root, plugin, manifest.FindFile("weights")!.Path);
        var expected = PyTorchReference.Run(folder.Root, [PyTorchReference.Job.For(manifest, weights, input, slices)])[0];

        var (fromTorch, fromBuiltin) = (new float[manifest.OutputLength(slices)], new float[manifest.OutputLength(slices)]);
        torch.Predict(input, slices, fromTorch);
        builtin.Predict(input, slices, fromBuiltin);
        var versusPyTorch = PyTorchReference.MaxDifference(expected, fromTorch);
        var versusBuiltin = PyTorchReference.MaxDifference(fromBuiltin, fromTorch);
        output.WriteLine($"{modelId} on TorchSharp: max abs error vs PyTorch 1.13 {versusPyTorch:E2}, vs builtin {versusBuiltin:E2}");
        Assert.True(versusPyTorch <= 1e-4, $"vs PyTorch {versusPyTorch}");
        Assert.True(versusBuiltin <= 1e-4, $"vs builtin {versusBuiltin}");
        // Not a degenerate map: the model finds the phantom's liver (class 1 of the first slice).
        var plane = manifest.Input.Height * manifest.Input.Width;
        var liver = fromTorch.Skip(plane).Take(plane).Count(p => p > 0.5f);
        output.WriteLine($"{liver} of {plane} pixels liver on the phantom slice");
        Assert.True(liver > 500, $"{modelId} should find the phantom's liver, found {liver} pixels");
    }

    [SkippableFact]
    public async Task A_state_dict_that_does_not_fit_is_refused_naming_the_keys()
    {
        using var folder = new TorchPluginFolder().WithTorch().WithPlugin("SegNet");
        var manifest = Path.Combine(folder.Root, "SegNet", "plugin.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("\"depth\": 5", "\"depth\": 4", StringComparison.Ordinal));
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);
        var e = Assert.Throws<InvalidOperationException>(() => catalog.CreateModel("segnet-liver-phantom", new ExecutionTarget("torch", ExecutionDevice.Cpu)));
        output.WriteLine(e.Message);
        Assert.Contains("model.safetensors does not fit the SegNet (naive-symmetric) of its parameters", e.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected [encoders.4.0.weight", e.Message, StringComparison.Ordinal);
        Assert.Contains("mis-shaped [decoders.0.0.weight [128, 64, 2, 2] for [64, 32, 2, 2]", e.Message, StringComparison.Ordinal);
    }
}
