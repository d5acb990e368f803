using Microsoft.Extensions.Diagnostics.HealthChecks;
using PipelineSeg.Host.Intake;
using PipelineSeg.Jobs;

namespace PipelineSeg.Host.Health;

/// <summary>The job journal: Unhealthy when it cannot be read; the number of jobs by state otherwise (queue depth = queued).</summary>
internal sealed class JobJournalHealthCheck(IJobJournal journal, IntakeTracker tracker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<JobRecord> jobs;
        try
        {
            jobs = await journal.ListAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException e)
        {
            return HealthCheckResult.Unhealthy($"job journal unavailable: {e.Message}");
        }
        var data = Enum.GetValues<JobState>().ToDictionary(JobStates.Name, s => (object)jobs.Count(j => j.State == s));
        data["trackedSources"] = tracker.Count;
        return HealthCheckResult.Healthy($"{data[JobStates.Name(JobState.Queued)]} queued, {data[JobStates.Name(JobState.Running)]} running", data);
    }
}
