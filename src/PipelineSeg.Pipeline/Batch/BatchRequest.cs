using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Outputs.Writers;

namespace PipelineSeg.Pipeline.Batch;

/// <summary>One batch run: every series under <see cref="InputDirectory"/> is processed once.</summary>
public sealed record BatchRequest
{
    /// <summary>Told the plan and each finished series (the CLI's progress display); null when nobody watches.</summary>
    public IProgress<WorkProgress>? Progress { get; init; }

    /// <summary>Folder scanned recursively.</summary>
    public required string InputDirectory { get; init; }

    /// <summary>Folder that receives one folder per series, the quarantine and batch-summary.json.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Pipeline name (for reports).</summary>
    public required string PipelineName { get; init; }

    /// <summary>The pipeline definition.</summary>
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>Slices per model call.</summary>
    public int SlicesPerBatch { get; init; } = 4;

    /// <summary>Write report.json per series.</summary>
    public bool WriteReport { get; init; } = true;

    /// <summary>Keep or drop segments without a voxel in the SEG (a dropped one is named in report.json).</summary>
    public EmptySegmentPolicy EmptySegments { get; init; } = EmptySegmentPolicy.Keep;

    /// <summary>Lossless compression of the SEG file (none, RLE for LABELMAP, deflate for any).</summary>
    public SegmentationCompression SegCompression { get; init; } = SegmentationCompression.None;

    /// <summary>Write the DICOM-SEG (output <c>seg</c>, the default); false when the chosen outputs leave it out.</summary>
    public bool WriteSeg { get; init; } = true;

    /// <summary>The other result objects written per series, in order, after the SEG (chosen by <see cref="OutputNames"/>).</summary>
    public IReadOnlyList<ISeriesResultWriter> ResultWriters { get; init; } = [];

    /// <summary>Quarantine folder name under the output folder.</summary>
    public string QuarantineFolder { get; init; } = "quarantine";

    /// <summary>Copy the files of quarantined input next to the reason (the input itself is never modified).</summary>
    public bool CopyQuarantinedFiles { get; init; } = true;

    /// <summary>
    /// The series this run segments (routing rules give each pipeline its own); null: every series. A series left out
    /// is not part of this run's result at all (another run, or the routing record, accounts for it).
    /// </summary>
    public Func<DicomSeries, bool>? Selects { get; init; }

    /// <summary>
    /// Quarantine unreadable files and rejected series, and list non-DICOM files, in this run. When one input is run
    /// through several pipelines only one run does, so each problem is reported (and quarantined) once.
    /// </summary>
    public bool ReportsInputProblems { get; init; } = true;

    /// <summary>
    /// How log lines name a series, given its key (the SeriesInstanceUID): the key itself by default; the service passes
    /// its keyed hash, so its logs identify a series without carrying the UID.
    /// </summary>
    public Func<string, string> SeriesLogName { get; init; } = static key => key;
}
