using System.Runtime.CompilerServices;

namespace PipelineSeg.Plugins.Hosting.Tests.Catalog;

public sealed class PluginUnloadTests
{
    [Fact]
    public async Task Disposing_the_catalog_unloads_the_plugin_context_once_models_are_released()
    {
        using var folder = new TestPluginFolder();
        folder.Add("PrivateDependency");
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
        using (var model = catalog.Models.Single().Create())
        {
            var output = new float[model.Manifest.OutputLength(2)];
            model.Predict(new float[32], 2, output);
        }
        catalog.Dispose();
        Assert.True(plugin.IsUnloaded);
        Assert.Throws<InvalidOperationException>(() => plugin.CreateModel(plugin.Manifest.Models[0]));
        return weak;
    }
}
