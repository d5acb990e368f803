using System.ComponentModel.DataAnnotations;

namespace PipelineSeg.Host.Options;

/// <summary>
/// Retries of transient faults (I/O errors, disk full, a locked file) with exponential backoff (section <c>Retries</c>).
/// Permanent faults (corrupt DICOM, unsupported transfer syntax, a refusing plugin) fail the job at once.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Retries";

    /// <summary>Attempts in all before the input goes to failed/ (1 = no retry).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; doubled each time (with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
