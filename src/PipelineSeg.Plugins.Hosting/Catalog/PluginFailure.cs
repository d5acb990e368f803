namespace PipelineSeg.Plugins.Hosting;

/// <summary>A plugin folder that was refused, and why (the reason names the file and the cause).</summary>
/// <param name="Directory">The plugin folder.</param>
/// <param name="Reason">Readable cause, e.g. a manifest error, a hash mismatch, a missing entry type.</param>
public sealed record PluginFailure(string Directory, string Reason);
