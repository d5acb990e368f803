namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// Entry type of a model plugin, named by <see cref="PluginManifest.EntryType"/> and created with its public
/// parameterless constructor. One plugin (a model family such as U-Net) serves every model its manifest lists.
/// </summary>
public interface ISegmentationModelPlugin
{
    /// <summary>
    /// Creates a ready-to-run model (weights loaded, eval mode) for one entry of the plugin's manifest.
    /// The host has already validated the manifest and the SHA-256 of every file the entry lists.
    /// </summary>
    /// <param name="model">The manifest entry to instantiate.</param>
    /// <param name="context">Where the plugin lives and how many threads the model may use.</param>
    /// <param name="cancellationToken">Cancels a slow weight load.</param>
    ISegmentationModel CreateModel(ModelManifest model, ModelCreationContext context, CancellationToken cancellationToken = default);
}
