namespace PipelineSeg.Jobs;

/// <summary>The one spelling of each state in storage and on the command line (lowercase, as <c>jobs --state failed</c>).</summary>
public static class JobStates
{
    /// <summary>The stored name of <paramref name="state"/>.</summary>
    public static string Name(JobState state) => state switch
    {
        JobState.Queued => "queued",
        JobState.Running => "running",
        JobState.Succeeded => "succeeded",
        JobState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown job state"),
    };

    /// <summary>The state named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static JobState? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "queued" => JobState.Queued,
        "running" => JobState.Running,
        "succeeded" => JobState.Succeeded,
        "failed" => JobState.Failed,
        _ => null,
    };
}
