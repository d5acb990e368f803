namespace PipelineSeg.Plugins.Hosting;

/// <summary>One lease on a <see cref="LoadedPlugin"/>; released once, on the first dispose.</summary>
internal sealed class PluginLease(LoadedPlugin plugin) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            plugin.ReleaseLease();
        }
    }
}
