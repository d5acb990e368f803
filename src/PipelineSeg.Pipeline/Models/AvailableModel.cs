using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Models;

/// <summary>A model a plugin serves, with the plugin's identity.</summary>
public sealed record AvailableModel(ModelManifest Model, string PluginId, string PluginVersion, string PluginDirectory);
