using PipelineSeg.Dicom;

namespace PipelineSeg.Pipeline.Intake;

/// <summary>What a folder scan found, sorted into what the pipeline does with it.</summary>
/// <param name="Candidates">Image series to segment (volumes without problems).</param>
/// <param name="GroundTruth">DICOM-SEG series: annotations that reference image series, used for metrics.</param>
/// <param name="Rejected">Series and files that cannot be processed, each with its reason (they are quarantined).</param>
/// <param name="Ignored">Files that are not DICOM at all, with a note (not a failure).</param>
public sealed record IntakeScan(
    IReadOnlyList<DicomSeries> Candidates,
    IReadOnlyList<DicomSeries> GroundTruth,
    IReadOnlyList<IntakeRejection> Rejected,
    IReadOnlyList<DicomSkippedFile> Ignored);
