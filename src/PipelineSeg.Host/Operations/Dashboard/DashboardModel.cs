namespace PipelineSeg.Host.Operations.Dashboard;

/// <summary>What the dashboard shows, gathered once per request (<see cref="DashboardSource"/>). No patient data: jobs are named by id and series hash.</summary>
/// <param name="GeneratedUtc">When it was gathered.</param>
/// <param name="Instance">The service instance that answered (several share one journal when scaled out).</param>
/// <param name="Jobs">The most recent jobs, newest first.</param>
/// <param name="JobsByState">Every job in the journal, counted by state.</param>
/// <param name="Models">Models the loaded plugins serve (id and version).</param>
/// <param name="RefusedPlugins">Plugins refused at load, with the reason.</param>
internal sealed record DashboardModel(
    DateTimeOffset GeneratedUtc,
    string Instance,
    IReadOnlyList<DashboardJob> Jobs,
    IReadOnlyDictionary<string, int> JobsByState,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> RefusedPlugins)
{
    /// <summary>Jobs waiting to be claimed.</summary>
    public int QueueDepth => JobsByState.TryGetValue("queued", out var n) ? n : 0;
}
