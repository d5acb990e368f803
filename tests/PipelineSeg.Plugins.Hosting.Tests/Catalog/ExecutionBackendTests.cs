using PipelineSeg.Plugins.Abstractions;
using System.Runtime.Loader;

namespace PipelineSeg.Plugins.Hosting.Tests.Catalog;

/// <summary>A model names what runs it; a backend plugin provides the runtime, the family plugin's folder the files.</summary>
public sealed class ExecutionBackendTests
{
    [SkippableFact]
    public async Task A_model_on_another_backend_is_created_by_the_backend_plugin_from_the_family_plugin_files()
    {
        using var folder = new TestPluginFolder();
        var family = folder.Add("Good");
        folder.Add("Backend");
        await UseBackendAsync(family, "threshold-runtime");
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        Assert.Empty(catalog.Failures);
        Assert.Equal(2, catalog.Plugins.Count);
        var registration = Assert.Single(catalog.Models);
        Assert.Equal("test.backend", registration.Backend?.Manifest.Id);
        using var model = registration.Create();
        Assert.Equal("TestPlugins.Backend", AssemblyLoadContext.GetLoadContext(model.GetType().Assembly)!.Name);
        var input = new float[16];
        input[3] = 0.51f; // the backend's step: just above the 0.5 threshold is certain
        var output = new float[model.Manifest.OutputLength(1)];
        model.Predict(input, 1, output);
        Assert.Equal(1f, output[16 + 3]);
        Assert.Equal(0f, output[16 + 0]);
    }

    [SkippableFact]
    public async Task A_model_whose_backend_no_plugin_provides_is_refused_with_the_reason()
    {
        using var folder = new TestPluginFolder();
        var family = folder.Add("Good");
        await UseBackendAsync(family, "onnxruntime");
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        Assert.Empty(catalog.Models);
        var failure = Assert.Single(catalog.Failures);
        Assert.Contains("model 'threshold-good' needs execution backend 'onnxruntime', which no plugin provides (builtin; none installed)", failure.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Two_plugins_providing_the_same_backend_refuse_the_second()
    {
        using var folder = new TestPluginFolder();
        folder.Add("Backend", "a");
        folder.Add("Backend", "b");
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        Assert.Single(catalog.Plugins);
        Assert.Contains("execution backend 'threshold-runtime' is already provided by plugin 'test.backend'", Assert.Single(catalog.Failures).Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_precision_other_than_fp32_on_the_builtin_engine_is_refused_and_reaches_a_backend()
    {
        using var folder = new TestPluginFolder();
        var family = folder.Add("Good");
        folder.Add("Backend");
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        var bf16 = new ExecutionTarget(null, ExecutionDevice.Cpu) { Precision = ExecutionPrecision.Bf16 };
        var e = Assert.Throws<InvalidOperationException>(() => catalog.Place("threshold-good", bf16));
        Assert.Contains("the builtin engine computes in fp32 only, precision 'bf16' needs backend 'torch'", e.Message, StringComparison.Ordinal);

        await UseBackendAsync(family, "threshold-runtime");
        using var onBackend = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Equal(ExecutionPrecision.Bf16, onBackend.Place("threshold-good", bf16).Precision);
    }

    private static async Task UseBackendAsync(string pluginDirectory, string backend)
    {
        var path = Path.Combine(pluginDirectory, "plugin.json");
        var json = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, json.Replace("\"family\": \"threshold\",", $"\"family\": \"threshold\", \"backend\": \"{backend}\",", StringComparison.Ordinal));
    }
}
