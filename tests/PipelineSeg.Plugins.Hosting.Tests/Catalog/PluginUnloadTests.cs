using System.Runtime.CompilerServices;

namespace PipelineSeg.Plugins.Hosting.Tests.Catalog;

public sealed class PluginUnloadTests
{
    [SkippableTheory]
    [InlineData("PrivateDependency")]
    [InlineData("UNet")] // engine code (plans, pooled tensors, dropout RNGs) must not pin plugin types
    public async Task Disposing_the_catalog_unloads_the_plugin_context_once_models_are_released(string plugin)
    {
        using var folder = new TestPluginFolder();
        folder.Add(plugin);
        var weak = await LoadUseAndUnloadAsync(folder.Root);

        for (var i = 0; weak.IsAlive && i < 20; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(weak.IsAlive, "plugin load context still alive after unload: something holds plugin types");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> LoadUseAndUnloadAsync(string root)
    {
        var catalog = await PluginCatalog.LoadAsync(root);
        var plugin = Assert.Single(catalog.Plugins);
        var weak = new WeakReference(plugin.LoadContext);
        using (var model = catalog.Models.First().Create()) // a plugin may serve several models (the U-Net serves three)
        {
            var output = new float[model.Manifest.OutputLength(2)];
            model.Predict(new float[model.Manifest.InputLength(2)], 2, output);
            if (model.Manifest.Capabilities.MonteCarloDropout)
            {
                model.EnableStochasticMode(1);
                model.Predict(new float[model.Manifest.InputLength(1)], 1, new float[model.Manifest.OutputLength(1)]);
                model.DisableStochasticMode();
            }
        }
        catalog.Dispose();
        Assert.True(plugin.IsUnloaded);
        Assert.Throws<InvalidOperationException>(() => plugin.CreateModel(plugin.Manifest.Models[0]));
        return weak;
    }
}
