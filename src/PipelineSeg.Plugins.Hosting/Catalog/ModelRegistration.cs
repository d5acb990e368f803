using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>A model offered by a loaded plugin.</summary>
/// <param name="Model">The model's manifest entry.</param>
/// <param name="Plugin">The plugin serving it.</param>
public sealed record ModelRegistration(ModelManifest Model, LoadedPlugin Plugin)
{
    /// <summary>Creates a ready-to-run instance (see <see cref="LoadedPlugin.CreateModel"/>).</summary>
    public ISegmentationModel Create(int maxThreads = 0, CancellationToken cancellationToken = default) =>
        Plugin.CreateModel(Model, maxThreads, cancellationToken);
}
