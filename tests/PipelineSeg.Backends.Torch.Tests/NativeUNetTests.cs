using System.Text.RegularExpressions;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;
using PipelineSeg.Tensors;
using Xunit.Abstractions;

namespace PipelineSeg.Backends.Torch.Tests;

/// <summary>The native U-Net plugin's model on TorchSharp, rebuilt from its safetensors state dict (no exported graph).</summary>
public sealed partial class NativeUNetTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Native_unet_on_torch_matches_pytorch_and_the_builtin_engine()
    {
        using var folder = new TorchPluginFolder().WithTorch().WithUNet();
        WithoutTorchScript(Path.Combine(folder.Root, "UNet"));
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);
        using var builtin = catalog.CreateModel("unet-liver-phantom", new ExecutionTarget("builtin", ExecutionDevice.Cpu));
        using var torch = catalog.CreateModel("unet-liver-phantom", new ExecutionTarget("torch", ExecutionDevice.Cpu));

        // PyTorch 1.13's probabilities on a held-out phantom slice (tools/training/make_parity_fixtures.py).
        var fixtures = TestPaths.Repo("tests", "PipelineSeg.Plugins.Hosting.Tests", "Fixtures", "unet-liver-phantom");
        var input = NpyFile.Read(Path.Combine(fixtures, "input.npy")).AsFloat32().ToArray();
        var expected = NpyFile.Read(Path.Combine(fixtures, "expected.npy")).AsFloat32().ToArray();
        var (fromTorch, fromBuiltin) = (new float[expected.Length], new float[expected.Length]);
        torch.Predict(input, 1, fromTorch);
        builtin.Predict(input, 1, fromBuiltin);
        var versusPyTorch = expected.Zip(fromTorch).Max(p => Math.Abs(p.First - p.Second));
        var versusBuiltin = fromBuiltin.Zip(fromTorch).Max(p => Math.Abs(p.First - p.Second));
        output.WriteLine($"TorchSharp U-Net: max abs error vs PyTorch 1.13 {versusPyTorch:E2}, vs builtin {versusBuiltin:E2}");
        Assert.True(versusPyTorch <= 1e-4, $"vs PyTorch {versusPyTorch}");
        Assert.True(versusBuiltin <= 1e-4, $"vs builtin {versusBuiltin}");
        Assert.True(fromTorch.Skip(128 * 128).Take(128 * 128).Count(p => p > 0.5f) > 500, "the fixture slice should show a liver");
        Assert.True(Parity.MaxDifference(builtin, torch, slices: 3) <= 1e-4);
    }

    [SkippableFact]
    public async Task A_state_dict_that_does_not_fit_names_the_keys()
    {
        using var folder = new TorchPluginFolder().WithTorch().WithUNet();
        var unet = Path.Combine(folder.Root, "UNet");
        WithoutTorchScript(unet);
        var manifest = Path.Combine(unet, "plugin.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("\"depth\": 4", "\"depth\": 3", StringComparison.Ordinal));
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        var e = Assert.Throws<InvalidOperationException>(() => catalog.CreateModel("unet-liver-phantom", new ExecutionTarget("torch", ExecutionDevice.Cpu)));
        output.WriteLine(e.Message);
        Assert.Contains("model.safetensors does not fit the U-Net of its parameters", e.Message, StringComparison.Ordinal);
        Assert.Contains("encoders.3.0.weight", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Drops the plugin's exported TorchScript, so only the rebuild from the state dict can serve the torch backend.</summary>
    private static void WithoutTorchScript(string unet)
    {
        var manifest = Path.Combine(unet, "plugin.json");
        var text = File.ReadAllText(manifest);
        File.WriteAllText(manifest, ScriptEntry().Replace(text, string.Empty));
        File.Delete(Path.Combine(unet, "models", "unet-liver-phantom", "model.pt"));
        Assert.DoesNotContain("torchscript", File.ReadAllText(manifest), StringComparison.Ordinal);
    }

    [GeneratedRegex(""",\s*\{[^{}]*"role": "torchscript"\s*\}""")]
    private static partial Regex ScriptEntry();
}
