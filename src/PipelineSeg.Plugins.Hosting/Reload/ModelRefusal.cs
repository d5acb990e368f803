namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// A model that failed when it was created (its backend's native library missing, a device not available, a graph whose
/// shapes disagree with the manifest): listed as refused until its plugin folder or its backend's folder changes.
/// </summary>
/// <param name="ModelId">The refused model.</param>
/// <param name="Directory">The folder of the plugin listing the model.</param>
/// <param name="BackendDirectory">The folder of the backend plugin that failed to create it; null on the builtin engine.</param>
/// <param name="Reason">Readable cause naming the plugin(s) and the cause.</param>
internal sealed record ModelRefusal(string ModelId, string Directory, string? BackendDirectory, string Reason)
{
    /// <summary>True when a reload of <paramref name="dir"/> may have mended the cause.</summary>
    public bool DependsOn(string dir) => Directory == dir || BackendDirectory == dir;
}
