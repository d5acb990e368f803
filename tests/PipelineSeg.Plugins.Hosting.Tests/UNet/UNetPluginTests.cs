using System.Security.Cryptography;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors;
using Xunit.Abstractions;

namespace PipelineSeg.Plugins.Hosting.Tests.UNet;

/// <summary>The real U-Net plugin through the catalog, against PyTorch outputs from tools/training/make_parity_fixtures.py.</summary>
public sealed class UNetPluginTests(ITestOutputHelper output)
{
    private static string Fixture(params string[] parts) => TestPaths.Repo(["tests", "PipelineSeg.Plugins.Hosting.Tests", "Fixtures", .. parts]);

    [SkippableFact]
    public void Plugin_folder_ships_no_copy_of_a_shared_assembly()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "testplugins", "UNet");
        Assert.True(File.Exists(Path.Combine(folder, "PipelineSeg.Plugins.UNet.dll")));
        Assert.True(File.Exists(Path.Combine(folder, "plugin.json")));
        Assert.True(File.Exists(Path.Combine(folder, "models", "unet-liver-phantom", "model.safetensors")));
        var copies = Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories)
            .Where(f => SharedAssemblies.Default.Contains(Path.GetFileNameWithoutExtension(f)));
        Assert.Empty(copies);
    }

    [SkippableFact]
    public async Task Tiny_random_unet_matches_pytorch_on_a_batch_of_two()
    {
        using var folder = new TestPluginFolder();
        var dir = folder.Add("UNet");
        File.Copy(Fixture("unet-tiny", "weights.safetensors"), Path.Combine(dir, "tiny.safetensors"));
        var shipped = PluginManifestSerializer.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "plugin.json")), "plugin.json");
        var liver = shipped.Models.Single();
        var tiny = new ModelManifest
        {
            Id = "unet-tiny", Name = "tiny", Version = "0.0.1", Family = "unet",
            Input = new ModelInputSpec { Channels = 2, Height = 32, Width = 32 },
            Output = liver.Output,
            Files = [new ModelFile { Path = "tiny.safetensors", Sha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(dir, "tiny.safetensors")))) }],
            Parameters = new Dictionary<string, string> { ["baseWidth"] = "4", ["depth"] = "2" },
        };
        var manifest = new PluginManifest
        {
            Id = shipped.Id, Name = shipped.Name, Version = shipped.Version, ContractVersion = shipped.ContractVersion,
            Assembly = shipped.Assembly, EntryType = shipped.EntryType, Models = [tiny],
        };
        await File.WriteAllTextAsync(Path.Combine(dir, "plugin.json"), PluginManifestSerializer.Serialize(manifest));
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);

        using var model = catalog.GetModel("unet-tiny").Create();
        var input = NpyFile.Read(Fixture("unet-tiny", "input.npy"));
        var expected = NpyFile.Read(Fixture("unet-tiny", "expected.npy"));
        var probabilities = new float[model.Manifest.OutputLength(2)];
        model.Predict(input.AsFloat32(), 2, probabilities);
        output.WriteLine($"tiny U-Net max abs error vs PyTorch: {ParityAssert.Close(expected.AsFloat32(), probabilities, 1e-4f):E2}");
    }

    [SkippableFact]
    public async Task Shipped_liver_model_matches_pytorch_on_a_held_out_phantom_slice()
    {
        using var catalog = await PluginCatalog.LoadAsync(Path.Combine(AppContext.BaseDirectory, "testplugins"));
        using var model = catalog.GetModel("unet-liver-phantom").Create();
        var input = NpyFile.Read(Fixture("unet-liver-phantom", "input.npy"));
        var expected = NpyFile.Read(Fixture("unet-liver-phantom", "expected.npy"));
        var probabilities = new float[model.Manifest.OutputLength(1)];
        model.Predict(input.AsFloat32(), 1, probabilities);
        output.WriteLine($"liver U-Net max abs error vs PyTorch: {ParityAssert.Close(expected.AsFloat32(), probabilities, 1e-4f):E2}");
        var plane = 128 * 128;
        Assert.True(probabilities.AsSpan(plane, plane).ToArray().Count(p => p > 0.5f) > 500, "the fixture slice should show a liver");
    }

    [SkippableFact]
    public async Task Monte_carlo_dropout_is_reproducible_by_seed_and_yields_a_distribution_and_uncertainty()
    {
        using var catalog = await PluginCatalog.LoadAsync(Path.Combine(AppContext.BaseDirectory, "testplugins"));
        using var model = catalog.GetModel("unet-liver-phantom").Create();
        Assert.True(model.Manifest.Capabilities.MonteCarloDropout);
        var input = NpyFile.Read(Fixture("unet-liver-phantom", "input.npy")).AsFloat32().ToArray();
        var plane = 128 * 128;
        var (mean1, unc1) = (new float[3 * plane], new float[plane]);
        var (mean2, unc2) = (new float[3 * plane], new float[plane]);
        var options = new MonteCarloOptions(Samples: 3, Seed: 7);
        model.PredictMonteCarlo(input, 1, mean1, unc1, options);
        model.PredictMonteCarlo(input, 1, mean2, unc2, options);
        Assert.Equal(mean1, mean2);
        Assert.Equal(unc1, unc2);
        for (var p = 0; p < plane; p += 97)
        {
            Assert.Equal(1f, mean1[p] + mean1[plane + p] + mean1[(2 * plane) + p], 4);
            Assert.InRange(unc1[p], 0f, MathF.Log(3) + 1e-5f);
        }
        var deterministic = new float[3 * plane];
        model.Predict(input, 1, deterministic);
        Assert.NotEqual(deterministic, mean1);
    }
}
