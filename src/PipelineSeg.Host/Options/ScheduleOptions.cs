using System.ComponentModel.DataAnnotations;

namespace PipelineSeg.Host.Options;

/// <summary>
/// Quartz cron schedules of the service's periodic jobs (section <c>Schedules</c>), kept in Quartz's persistent store in
/// the journal's database, so a run missed while the service was down fires once at the next start. The rescan of
/// watched folders is not here: it is <c>Intake:RescanInterval</c>, run by the intake itself (one mechanism, not two).
/// </summary>
public sealed class ScheduleOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Schedules";

    /// <summary>Quartz cron (with seconds) for removing processed-job bookkeeping older than <see cref="RetainProcessedFor"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Housekeeping { get; set; } = "0 30 3 * * ?";

    /// <summary>How long the service remembers a processed folder (so an unchanged folder is not processed twice).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RetainProcessedFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The nightly batch; off unless its Input is set.</summary>
    public NightlyBatchOptions NightlyBatch { get; set; } = new();
}
