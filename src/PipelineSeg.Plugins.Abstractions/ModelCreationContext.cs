namespace PipelineSeg.Plugins.Abstractions;

/// <summary>What the host tells a plugin when it creates a model.</summary>
/// <param name="PluginDirectory">Absolute folder of the plugin; manifest file paths are relative to it.</param>
/// <param name="MaxThreads">Hint: threads one forward pass should use (0 = engine default). Engine threading is process-wide
/// (KernelThreading.MaxThreads, set by the host), so plugins on our engine may ignore it; plugins with their own runtime use it.</param>
public sealed record ModelCreationContext(string PluginDirectory, int MaxThreads = 0)
{
    /// <summary>Absolute path of a file listed in the manifest, relative to <see cref="PluginDirectory"/>.</summary>
    public string ResolveFile(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        return Path.GetFullPath(Path.Combine(PluginDirectory, relativePath));
    }
}
