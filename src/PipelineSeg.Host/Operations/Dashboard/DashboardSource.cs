using System.Globalization;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Jobs;
using PipelineSeg.Host.Options;
using PipelineSeg.Jobs;
using PipelineSeg.Pipeline.Models;

namespace PipelineSeg.Host.Operations.Dashboard;

/// <summary>Gathers the dashboard's model from the journal (shared by every instance when scaled out), the plugins and the job files.</summary>
internal sealed class DashboardSource(IJobJournal journal, IModelProvider models, JobFiles files, ServiceInstance instance,
    IOptions<OperationsOptions> options, TimeProvider time)
{
    /// <summary>The model of one page.</summary>
    public async Task<DashboardModel> LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var jobs = await journal.ListAsync(null, cancellationToken).ConfigureAwait(false);
        var byState = Enum.GetValues<JobState>().ToDictionary(JobStates.Name, s => jobs.Count(j => j.State == s), StringComparer.Ordinal);
        var results = files.ResultFoldersByHash();
        var recent = jobs.OrderByDescending(j => j.Id).Take(options.Value.DashboardJobs).Select(j =>
        {
            var report = j.State == JobState.Succeeded && results.TryGetValue(j.Request.SeriesUidHash, out var folder)
                ? ReportLink(j.Id, folder)
                : null;
            var error = j.State == JobState.Failed && files.ErrorFile(j) is not null
                ? string.Create(CultureInfo.InvariantCulture, $"/jobs/{j.Id}/{JobFiles.ErrorFileName}")
                : null;
            TimeSpan? duration = j.StartedUtc is { } started ? (j.FinishedUtc ?? (j.State == JobState.Running ? now : started)) - started : null;
            return new DashboardJob(j.Id, JobStates.Name(j.State), j.Request.SeriesUidHash, $"{j.Request.Pipeline} {j.Request.PipelineVersion}",
                j.Attempts, j.EnqueuedUtc, duration, report, error, j.Error);
        }).ToList();
        var loaded = await models.ListAsync(cancellationToken).ConfigureAwait(false);
        var refused = await models.FailuresAsync(cancellationToken).ConfigureAwait(false);
        return new DashboardModel(now, instance.Name, recent, byState,
            [.. loaded.Select(m => $"{m.Model.Id} {m.Model.Version}")], [.. refused]);
    }

    // report.html when the reporting step wrote one, else the report.json every result folder has.
    private static string? ReportLink(long id, string folder) =>
        new[] { "report.html", "report.json" }.FirstOrDefault(f => File.Exists(Path.Combine(folder, f))) is { } file
            ? string.Create(CultureInfo.InvariantCulture, $"/jobs/{id}/results/{file}")
            : null;
}
