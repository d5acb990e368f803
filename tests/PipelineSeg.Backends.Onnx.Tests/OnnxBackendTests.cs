using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;
using Xunit.Abstractions;

namespace PipelineSeg.Backends.Onnx.Tests;

/// <summary>The ONNX Runtime backend plugin through the catalog, against the builtin engine on the same U-Net.</summary>
public sealed class OnnxBackendTests(ITestOutputHelper output)
{
    private const string Package = "unet-liver-phantom-onnx";

    [SkippableFact]
    public async Task Package_model_gives_the_builtin_probabilities()
    {
        using var folder = new BackendPluginFolder().WithPlugin("UNet").WithPlugin("Onnx");
        folder.AddPackage(Package);
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);
        Assert.Equal(["onnx"], catalog.Backends);

        using var builtin = catalog.GetModel("unet-liver-phantom").Create();
        using var onnx = catalog.CreateModel(Package, ExecutionTarget.Default);
        var error = MaxDifference(builtin, onnx, slices: 3);
        output.WriteLine($"ONNX Runtime vs builtin, max abs probability difference: {error:E2}");
        Assert.True(error <= 1e-4, $"max abs difference {error}");
    }

    [SkippableFact]
    public async Task Native_model_runs_on_onnx_from_its_exported_graph()
    {
        using var folder = new BackendPluginFolder().WithPlugin("UNet").WithPlugin("Onnx");
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        using var builtin = catalog.CreateModel("unet-liver-phantom", new ExecutionTarget("builtin", ExecutionDevice.Cpu));
        using var onnx = catalog.CreateModel("unet-liver-phantom", new ExecutionTarget("onnx", ExecutionDevice.Cpu));
        Assert.Equal(ExecutionDevice.Cpu, Assert.IsAssignableFrom<IModelPlacement>(onnx).Device);
        Assert.True(MaxDifference(builtin, onnx, slices: 2) <= 1e-4);
    }

    [SkippableFact]
    public async Task A_graph_whose_shape_disagrees_with_the_manifest_is_refused_naming_plugin_and_shapes()
    {
        using var folder = new BackendPluginFolder().WithPlugin("Onnx");
        var package = folder.AddPackage(Package);
        var manifestPath = Path.Combine(package, "plugin.json");
        await File.WriteAllTextAsync(manifestPath, (await File.ReadAllTextAsync(manifestPath)).Replace("\"height\": 128", "\"height\": 96", StringComparison.Ordinal));
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);

        var e = Assert.Throws<InvalidOperationException>(() => catalog.CreateModel(Package, ExecutionTarget.Default));
        output.WriteLine(e.Message);
        Assert.Contains("plugin 'pipelineseg.backend.onnx'", e.Message, StringComparison.Ordinal);
        Assert.Contains("plugin 'pipelineseg.package.unet-liver-phantom-onnx'", e.Message, StringComparison.Ordinal);
        Assert.Contains("ONNX input 'input' has shape [slices, 1, 128, 128], the manifest needs [N, 1, 96, 128]", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Cuda_without_a_gpu_build_is_a_clear_error_and_auto_falls_back_to_the_cpu_saying_why()
    {
        using var folder = new BackendPluginFolder().WithPlugin("Onnx");
        folder.AddPackage(Package);
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        var e = Assert.Throws<InvalidOperationException>(() => catalog.CreateModel(Package, new ExecutionTarget(null, ExecutionDevice.Parse("cuda:1"))));
        Assert.Contains("device 'cuda:1' is not available to ONNX Runtime", e.Message, StringComparison.Ordinal);

        using var model = catalog.CreateModel(Package, new ExecutionTarget(null, ExecutionDevice.Auto));
        var placed = Assert.IsAssignableFrom<IModelPlacement>(model);
        Assert.Equal(ExecutionDevice.Cpu, placed.Device);
        Assert.StartsWith("auto chose the CPU: ", placed.Note, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_precision_other_than_fp32_is_refused_naming_why()
    {
        using var folder = new BackendPluginFolder().WithPlugin("Onnx");
        folder.AddPackage(Package);
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        var e = Assert.Throws<InvalidOperationException>(() => catalog.CreateModel(Package, new ExecutionTarget(null, ExecutionDevice.Cpu) { Precision = ExecutionPrecision.Bf16 }));
        Assert.Contains("ONNX Runtime runs model.onnx in the float32 it was exported in, precision bf16 needs backend 'torch'", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_package_without_its_backend_plugin_is_refused_and_a_native_model_without_a_graph_says_so()
    {
        using var folder = new BackendPluginFolder().WithPlugin("UNet");
        folder.AddPackage(Package);
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        var failure = Assert.Single(catalog.Failures);
        Assert.Contains("model 'unet-liver-phantom-onnx' needs execution backend 'onnx', which no plugin provides (builtin; none installed)", failure.Reason, StringComparison.Ordinal);
        var e = Assert.Throws<InvalidOperationException>(() => catalog.CreateModel("unet-liver-phantom", new ExecutionTarget("onnx", ExecutionDevice.Cpu)));
        Assert.Contains("execution backend 'onnx' is not installed", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Onnx_runtime_stays_in_the_backend_plugin_folder()
    {
        var plugin = Path.Combine(AppContext.BaseDirectory, "testplugins", "Onnx");
        Assert.True(File.Exists(Path.Combine(plugin, OperatingSystem.IsWindows() ? "onnxruntime.dll" : "libonnxruntime.so")));
        Assert.False(File.Exists(Path.Combine(plugin, "PipelineSeg.Plugins.Abstractions.dll")));
        Assert.False(File.Exists(Path.Combine(plugin, "System.Numerics.Tensors.dll")));
        var host = HostCli.HostDirectory;
        Assert.Empty(Directory.EnumerateFiles(host, "*onnxruntime*", SearchOption.TopDirectoryOnly));
        Assert.False(Directory.Exists(Path.Combine(host, "runtimes")) && Directory.EnumerateFiles(Path.Combine(host, "runtimes"), "*onnxruntime*", SearchOption.AllDirectories).Any());
    }

    private static double MaxDifference(ISegmentationModel a, ISegmentationModel b, int slices)
    {
        var random = new Random(14);
        var input = new float[a.Manifest.InputLength(slices)];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (float)random.NextDouble();
        }
        var (pa, pb) = (new float[a.Manifest.OutputLength(slices)], new float[b.Manifest.OutputLength(slices)]);
        a.Predict(input, slices, pa);
        b.Predict(input, slices, pb);
        return pa.Zip(pb).Max(p => Math.Abs(p.First - p.Second));
    }
}
