using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Plugins.Hosting;

namespace PipelineSeg.Backends.Onnx.Tests.Packages;

/// <summary>An ONNX package whose graph disagrees with its manifest, once a job fails on it, is listed refused with the cause; the other package stays served.</summary>
public sealed class ShapeMismatchRefusalTests
{
    [SkippableFact]
    public async Task A_mismatched_graph_is_listed_refused_after_its_failed_creation_and_the_other_models_stay()
    {
        using var folder = new BackendPluginFolder().WithPlugin("Onnx");
        var good = ExportedPackages.Add(folder.Root, "unet-liver-phantom", "onnx");
        var bad = ExportedPackages.Add(folder.Root, "segnet-liver-phantom", "onnx");
        var manifest = Path.Combine(folder.Root, bad, "plugin.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("\"height\": 128", "\"height\": 96", StringComparison.Ordinal));
        using var provider = new PluginCatalogModelProvider(folder.Root, new PluginCatalogOptions(), 0, NullLogger<PluginCatalog>.Instance);
        Assert.Empty(await provider.FailuresAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.CreateAsync(bad));

        var reason = Assert.Single(await provider.FailuresAsync());
        Assert.Contains($"model '{bad}' refused when created: plugin 'pipelineseg.backend.onnx'", reason, StringComparison.Ordinal);
        Assert.Contains($"plugin 'pipelineseg.package.{bad}'", reason, StringComparison.Ordinal);
        Assert.Contains("the manifest needs [N, 1, 96, 128]", reason, StringComparison.Ordinal);
        var state = Assert.Single(await provider.Catalog.StatesAsync(), s => s.Directory == Path.Combine(folder.Root, bad));
        Assert.Equal(new[] { reason }, state.Reasons);
        Assert.Equal(new[] { good }, (await provider.ListAsync()).Select(m => m.Model.Id));
        using var model = await provider.CreateAsync(good);
        Assert.Equal(good, model.Manifest.Id);
    }
}
