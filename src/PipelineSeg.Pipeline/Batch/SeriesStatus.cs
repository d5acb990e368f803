namespace PipelineSeg.Pipeline.Batch;

/// <summary>What happened to one input.</summary>
public enum SeriesStatus
{
    /// <summary>Segmented; SEG (and report) written.</summary>
    Succeeded,

    /// <summary>Not for this pipeline (e.g. another modality); not a failure.</summary>
    Skipped,

    /// <summary>Could not be processed; quarantined with the reason.</summary>
    Failed,
}
