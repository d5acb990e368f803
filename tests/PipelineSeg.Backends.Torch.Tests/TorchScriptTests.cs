using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;
using Xunit.Abstractions;

namespace PipelineSeg.Backends.Torch.Tests;

/// <summary>TorchScript exported with PyTorch 1.13 (tools/backends/export_model.py) on LibTorch 2.10 through the torch backend plugin.</summary>
public sealed class TorchScriptTests(ITestOutputHelper output)
{
    private const string Package = "unet-liver-phantom-torchscript";

    [SkippableFact]
    public async Task Torch_1_13_script_loads_in_libtorch_2_10_and_gives_the_builtin_probabilities()
    {
        using var folder = new TorchPluginFolder().WithTorch().WithUNet();
        folder.AddPackage(Package);
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);
        Assert.Equal(["torch"], catalog.Backends);

        using var builtin = catalog.GetModel("unet-liver-phantom").Create();
        using var torch = catalog.CreateModel(Package, ExecutionTarget.Default);
        var error = Parity.MaxDifference(builtin, torch, slices: 3);
        output.WriteLine($"TorchScript on LibTorch 2.10 vs builtin, max abs probability difference: {error:E2}");
        Assert.True(error <= 1e-4, $"max abs difference {error}");
    }

    [SkippableFact]
    public async Task A_script_that_refuses_the_manifest_input_is_refused_at_load_naming_plugin_and_shape()
    {
        using var folder = new TorchPluginFolder().WithTorch();
        var package = folder.AddPackage(Package);
        var manifestPath = Path.Combine(package, "plugin.json");
        var text = (await File.ReadAllTextAsync(manifestPath))
            .Replace("\"channels\": 1,", "\"channels\": 3,", StringComparison.Ordinal)
            .Replace("\"layout\": \"singleSlice\"", "\"layout\": \"adjacentSlices\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(manifestPath, text);
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);

        var e = Assert.Throws<InvalidOperationException>(() => catalog.CreateModel(Package, ExecutionTarget.Default));
        output.WriteLine(e.Message);
        Assert.Contains("plugin 'pipelineseg.backend.torch'", e.Message, StringComparison.Ordinal);
        Assert.Contains("plugin 'pipelineseg.package.unet-liver-phantom-torchscript'", e.Message, StringComparison.Ordinal);
        Assert.Contains("TorchScript model.pt does not take the manifest's input [1, 3, 128, 128]", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Cuda_without_a_gpu_is_a_clear_error_and_auto_falls_back_to_the_cpu_saying_why()
    {
        using var folder = new TorchPluginFolder().WithTorch();
        folder.AddPackage(Package);
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Skip.If(await Task.Run(() => catalog.CreateModel(Package, new ExecutionTarget(null, ExecutionDevice.Auto))) is IModelPlacement { Device.Kind: ExecutionDeviceKind.Cuda },
            "a CUDA device is present: this test checks the CPU-only fallback (bench/gpu covers CUDA)");

        var e = Assert.Throws<InvalidOperationException>(() => catalog.CreateModel(Package, new ExecutionTarget(null, ExecutionDevice.Parse("cuda"))));
        Assert.Contains("device 'cuda' is not available to LibTorch: no CUDA device visible", e.Message, StringComparison.Ordinal);

        using var model = catalog.CreateModel(Package, new ExecutionTarget(null, ExecutionDevice.Auto));
        var placed = Assert.IsAssignableFrom<IModelPlacement>(model);
        Assert.Equal(ExecutionDevice.Cpu, placed.Device);
        Assert.StartsWith("auto chose the CPU: no CUDA device visible to LibTorch", placed.Note, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void LibTorch_stays_in_the_backend_plugin_folder()
    {
        Assert.True(File.Exists(Path.Combine(TorchPluginFolder.TorchBuild, OperatingSystem.IsWindows() ? "torch_cpu.dll" : "libtorch_cpu.so")));
        Assert.False(File.Exists(Path.Combine(TorchPluginFolder.TorchBuild, "PipelineSeg.Plugins.Abstractions.dll")));
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var host = TestPaths.Repo("src", "PipelineSeg.Host", "bin", tfm.Parent!.Name, tfm.Name);
        Assert.True(Directory.Exists(host), host);
        Assert.Empty(Directory.EnumerateFiles(host, "*torch*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(AppContext.BaseDirectory, "*torch_cpu*", SearchOption.AllDirectories));
    }
}
