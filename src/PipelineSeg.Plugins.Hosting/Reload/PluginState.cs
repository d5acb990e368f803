namespace PipelineSeg.Plugins.Hosting;

/// <summary>One plugin folder as <c>pipelineseg models</c> shows it.</summary>
/// <param name="Directory">The plugin folder.</param>
/// <param name="Id">Plugin id (from its manifest) when loaded.</param>
/// <param name="Version">Plugin version when loaded.</param>
/// <param name="Status">Loaded or refused.</param>
/// <param name="Reasons">Why the plugin or some of its models were refused (each names the file and the cause).</param>
/// <param name="LoadedAt">When this folder was first loaded (or refused) by this process.</param>
/// <param name="ReloadedAt">When a change to the folder was last loaded, if ever.</param>
/// <param name="Leases">Jobs using the plugin now.</param>
/// <param name="ReloadPending">The folder changed while jobs held the plugin; it reloads once they finish.</param>
/// <param name="LastFault">The last forward that threw or was abandoned, with its time, if any.</param>
public sealed record PluginState(string Directory, string? Id, string? Version, PluginStatus Status, IReadOnlyList<string> Reasons,
    DateTimeOffset LoadedAt, DateTimeOffset? ReloadedAt, int Leases, bool ReloadPending, string? LastFault);
