using System.ComponentModel.DataAnnotations;

namespace PipelineSeg.Host.Options;

/// <summary>Limits of one job of the service (section <c>Jobs</c>).</summary>
public sealed class JobsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Jobs";

    /// <summary>
    /// Longest one job attempt may run; then it is cancelled and failed naming the cause (a model plugin whose forward does
    /// not stop is abandoned after <c>Plugins:ForwardCancellationGrace</c>) and the service goes on with the next job.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
}
