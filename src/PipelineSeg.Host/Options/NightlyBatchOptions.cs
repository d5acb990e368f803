namespace PipelineSeg.Host.Options;

/// <summary>
/// The nightly batch (section <c>Schedules:NightlyBatch</c>): <c>pipelineseg batch --input Input --output Output/run-…</c>
/// on a Quartz cron. Off while <see cref="Input"/> is empty.
/// </summary>
public sealed class NightlyBatchOptions
{
    /// <summary>Quartz cron with seconds; default 02:00 every night (server local time).</summary>
    public string Cron { get; set; } = "0 0 2 * * ?";

    /// <summary>Folder scanned as by <c>batch --input</c>; empty = no nightly batch.</summary>
    public string? Input { get; set; }

    /// <summary>Each run writes to its own <c>run-yyyyMMdd-HHmmss</c> folder (UTC of the firing) here, so every run keeps its summary.</summary>
    public string? Output { get; set; }

    /// <summary>Pipeline name; empty = <c>Inference:DefaultPipeline</c>.</summary>
    public string? Pipeline { get; set; }

    /// <summary>True when a nightly batch is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Input);
}
