using System.Security.Cryptography;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Kernels;
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
        var liver = shipped.Models.Single(m => m.Id == "unet-liver-phantom");
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
    public async Task Stochastic_mode_is_reproducible_by_seed_differs_from_eval_and_switches_off()
    {
        using var catalog = await PluginCatalog.LoadAsync(Path.Combine(AppContext.BaseDirectory, "testplugins"));
        using var model = catalog.GetModel("unet-liver-phantom").Create();
        Assert.True(model.Manifest.Capabilities.MonteCarloDropout);
        var input = NpyFile.Read(Fixture("unet-liver-phantom", "input.npy")).AsFloat32().ToArray();
        var length = model.Manifest.OutputLength(1);
        var (deterministic, first, again, second) = (new float[length], new float[length], new float[length], new float[length]);
        model.Predict(input, 1, deterministic);
        model.EnableStochasticMode(7);
        model.Predict(input, 1, first);
        model.Predict(input, 1, second);
        model.EnableStochasticMode(7);
        model.Predict(input, 1, again);
        model.DisableStochasticMode();
        var back = new float[length];
        model.Predict(input, 1, back);
        Assert.Equal(first, again);
        Assert.NotEqual(first, second);
        Assert.NotEqual(deterministic, first);
        Assert.Equal(deterministic, back);
    }

    [SkippableFact]
    public async Task Creating_a_model_applies_the_thread_budget_to_the_shared_engine()
    {
        var before = KernelThreading.MaxThreads;
        try
        {
            using var catalog = await PluginCatalog.LoadAsync(Path.Combine(AppContext.BaseDirectory, "testplugins"));
            KernelThreading.MaxThreads = 3;
            using (catalog.GetModel("unet-liver-phantom").Create(maxThreads: 0))
            {
                Assert.Equal(3, KernelThreading.MaxThreads); // 0 = keep the engine's setting
            }
            using (catalog.GetModel("unet-liver-phantom").Create(maxThreads: 1))
            {
                Assert.Equal(1, KernelThreading.MaxThreads); // the host's KernelThreading: Tensors is shared with the plugin
            }
            // Inference:MaxThreads travels through the provider the host composes.
            using var provider = new PluginCatalogModelProvider(Path.Combine(AppContext.BaseDirectory, "testplugins"), verifyHashes: true, maxThreads: 2,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<PluginCatalog>.Instance);
            using (await provider.CreateAsync("unet-liver-phantom"))
            {
                Assert.Equal(2, KernelThreading.MaxThreads);
            }
        }
        finally
        {
            KernelThreading.MaxThreads = before;
        }
    }
}
