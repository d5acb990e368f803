using PipelineSeg.Nn;
using PipelineSeg.Plugins.Hosting;

namespace PipelineSeg.Host.Cli.Models;

/// <summary>Finds the family plugin a <c>--plugin NAME</c> names in a loaded catalog: its id, its folder name, the last
/// segment of its id, or the family its factory builds (e.g. <c>unet</c> for <c>pipelineseg.unet</c>).</summary>
internal static class FamilyPlugins
{
    /// <exception cref="ArgumentException">No such plugin, or it cannot build raw networks; the message lists the candidates.</exception>
    public static (LoadedPlugin Plugin, INetworkFactory Factory) Find(PluginCatalog catalog, string name)
    {
        var factories = catalog.Plugins
            .Select(p => (Plugin: p, Factory: p.GetEntry<INetworkFactory>()))
            .Where(p => p.Factory is not null)
            .Select(p => (p.Plugin, Factory: p.Factory!))
            .ToList();
        var match = factories.FirstOrDefault(p => Matches(p.Plugin, p.Factory, name));
        if (match.Plugin is not null)
        {
            return match;
        }
        var refused = catalog.Failures.Where(f => f.Reason.Contains(name, StringComparison.OrdinalIgnoreCase)).Select(f => f.Reason).ToList();
        var known = factories.Count == 0 ? "none" : string.Join(", ", factories.Select(p => $"{p.Factory.Family} ({p.Plugin.Manifest.Id}: presets {string.Join(", ", p.Factory.Presets)})"));
        throw new ArgumentException($"no model family plugin '{name}' in {catalog.Directory} (families: {known})"
            + (refused.Count > 0 ? $"; refused: {string.Join("; ", refused)}" : string.Empty));
    }

    private static bool Matches(LoadedPlugin plugin, INetworkFactory factory, string name) =>
        string.Equals(plugin.Manifest.Id, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Path.GetFileName(plugin.Directory), name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(factory.Family, name, StringComparison.OrdinalIgnoreCase);
}
