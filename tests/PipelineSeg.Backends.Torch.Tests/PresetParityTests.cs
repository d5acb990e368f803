using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;
using Xunit.Abstractions;

namespace PipelineSeg.Backends.Torch.Tests;

/// <summary>
/// The presets and options no bundled model uses (VGG16-BN SegNet, U-Net and ResNet generators with batch or no norm and
/// dropout, milesial with transposed convs, variant U-Nets with max-unpooling, add skips and bilinear upsampling), each with
/// random weights and normalisation statistics written by PyTorch: builtin, torch and PyTorch agree.
/// </summary>
public sealed class PresetParityTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string, int> Presets => new()
    {
        { "SegNet", "segnet-liver-phantom", """{ "preset": "segnet-vgg16-bn", "n_classes": 2, "in_channels": 1 }""", 32 },
        { "CycleGan", "cyclegan-liver-phantom", """{ "preset": "junyanz", "netG": "unet_128", "input_nc": 1, "output_nc": 1, "ngf": 4, "norm": "batch", "use_dropout": true }""", 128 },
        { "CycleGan", "cyclegan-liver-phantom", """{ "preset": "junyanz", "netG": "resnet_6blocks", "input_nc": 1, "output_nc": 1, "ngf": 4, "norm": "none", "use_dropout": true }""", 32 },
        { "UNet", "unet-milesial-liver-phantom", """{ "preset": "milesial", "n_channels": 1, "n_classes": 2, "bilinear": false, "width": 4 }""", 32 },
        { "UNet", "unet-milesial-liver-phantom", """{ "preset": "variant", "in_channels": 1, "out_channels": 2, "depth": 3, "base_width": 4, "batch_norm": false, "skip": "add", "upsampling": "maxunpool" }""", 32 },
        { "UNet", "unet-milesial-liver-phantom", """{ "preset": "variant", "in_channels": 1, "out_channels": 2, "depth": 2, "base_width": 4, "upsampling": "bilinear" }""", 32 },
    };

    [SkippableTheory]
    [MemberData(nameof(Presets))]
    public async Task Preset_with_random_weights_agrees_on_builtin_torch_and_pytorch(string plugin, string template, string parameters, int size)
    {
        using var folder = new TorchPluginFolder().WithTorch().WithPlugin(plugin);
        const string id = "preset-under-test";
        var pluginDirectory = Path.Combine(folder.Root, plugin);
        var weights = Path.Combine(pluginDirectory, "models", id, "model.safetensors");
        Directory.CreateDirectory(Path.GetDirectoryName(weights)!);
        var json = JsonNode.Parse(parameters)!.AsObject();
        // As the manifest reader gives them: every value as its JSON text (true, 4, unet_128).
        var values = json.ToDictionary(p => p.Key, p => p.Value!.ToString());
        var family = plugin == "UNet" ? "unet" : plugin.ToLowerInvariant();
        var input = PyTorchReference.Noise(size * size, seed: 5);
        var head = family == "cyclegan" ? "tanh-mask" : "softmax";
        var expected = PyTorchReference.Run(folder.Root, [new PyTorchReference.Job(family, values, head, weights, input, [1, 1, size, size], Seed: 7)])[0];
        AddModel(Path.Combine(pluginDirectory, "plugin.json"), template, id, json, size, weights);

        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);
        using var builtin = catalog.CreateModel(id, new ExecutionTarget("builtin", ExecutionDevice.Cpu));
        using var torch = catalog.CreateModel(id, new ExecutionTarget("torch", ExecutionDevice.Cpu));
        var (fromTorch, fromBuiltin) = (new float[expected.Length], new float[expected.Length]);
        torch.Predict(input, 1, fromTorch);
        builtin.Predict(input, 1, fromBuiltin);
        var versusPyTorch = PyTorchReference.MaxDifference(expected, fromTorch);
        var versusBuiltin = PyTorchReference.MaxDifference(fromBuiltin, fromTorch);
        output.WriteLine($"{parameters}: max abs error vs PyTorch 1.13 {versusPyTorch:E2}, vs builtin {versusBuiltin:E2}");
        Assert.True(versusPyTorch <= 1e-4, $"vs PyTorch {versusPyTorch}");
        Assert.True(versusBuiltin <= 1e-4, $"vs builtin {versusBuiltin}");
        Assert.True(expected.Distinct().Count() > 100, "random weights should give a varied output");
    }

    /// <summary>Adds a copy of model <paramref name="template"/> with other parameters, input size and weights.</summary>
    private static void AddModel(string manifestPath, string template, string id, JsonObject parameters, int size, string weights)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        var models = manifest["models"]!.AsArray();
        var model = models.Single(m => (string?)m!["id"] == template)!.DeepClone().AsObject();
        model["id"] = id;
        model["parameters"] = parameters.DeepClone();
        model["input"]!["height"] = size;
        model["input"]!["width"] = size;
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(weights)));
        model["files"] = new JsonArray(new JsonObject { ["path"] = $"models/{id}/model.safetensors", ["sha256"] = hash, ["role"] = "weights" });
        models.Add(model);
        File.WriteAllText(manifestPath, manifest.ToJsonString());
    }
}
