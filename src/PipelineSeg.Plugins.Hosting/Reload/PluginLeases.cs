namespace PipelineSeg.Plugins.Hosting;

/// <summary>The leases one model holds: on the plugin that lists it and, when another plugin runs it, on that backend.</summary>
internal sealed class PluginLeases(IReadOnlyList<IDisposable> leases) : IDisposable
{
    public static PluginLeases Take(ModelRegistration registration)
    {
        var plugin = registration.Plugin.Lease();
        if (registration.Backend is not { } backend)
        {
            return new PluginLeases([plugin]);
        }
        try
        {
            return new PluginLeases([plugin, backend.Lease()]);
        }
        catch
        {
            plugin.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var lease in leases)
        {
            lease.Dispose();
        }
    }
}
