using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Pipeline.Applicability;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>report.json: what was segmented, by which model, how long it took, the segment volumes and, when ground
/// truth was found, the metrics; <c>applicability</c> says whether the series and the result are within the model card.
/// Holds UIDs but no patient names or IDs. <c>segmentation</c> is absent when the pipeline's outputs leave the SEG out;
/// <c>outputs</c> names every result object and file written (seg, rtstruct, overlay, nifti…).</summary>
public sealed record SeriesReport(
    string Software,
    DateTimeOffset CreatedUtc,
    ReportSeries Series,
    ReportPipeline Pipeline,
    ReportModel Model,
    ReportSegmentation? Segmentation,
    IReadOnlyList<ReportSegment> Segments,
    ReportTimings TimingsMs,
    ReportGroundTruth? GroundTruth,
    ApplicabilityReport? Applicability = null,
    IReadOnlyList<ReportOutput>? Outputs = null);

/// <summary>The source series.</summary>
public sealed record ReportSeries(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string Modality,
    int? SeriesNumber,
    int Slices,
    int Rows,
    int Columns,
    double[] SpacingMm,
    IReadOnlyList<string> TransferSyntaxes,
    int ReferencedInstances);

/// <summary>The pipeline definition applied.</summary>
public sealed record ReportPipeline(string Name, double Threshold, IReadOnlyList<string> KeepLargestComponentOf, double MinimumComponentMl);

/// <summary>The model and the plugin that served it; <paramref name="Members"/> names every model averaged (itself first).</summary>
public sealed record ReportModel(string Id, string Name, string Version, string Family, int InputWidth, int InputHeight, IReadOnlyList<ReportModelMember>? Members = null);

/// <summary>The DICOM-SEG written; <paramref name="DroppedEmptySegments"/> names the empty segments left out (Output:EmptySegments drop).</summary>
public sealed record ReportSegmentation(string File, string SopInstanceUid, string SeriesInstanceUid, int Frames, IReadOnlyList<string> DroppedEmptySegments);

/// <summary>
/// One segment: voxel count and volume; with Monte-Carlo passes also its uncertainty (<see cref="MetricKeys.MeanUncertainty"/>,
/// <see cref="MetricKeys.UncertainFraction"/>), otherwise those are null and left out.
/// </summary>
public sealed record ReportSegment(int Index, string Label, long Voxels, double VolumeMl, double? MeanUncertainty = null, double? UncertainFraction = null)
{
    /// <summary>The segment of <paramref name="segmentClass"/> as written to the SEG: its voxels plus those of the classes it contains.</summary>
    public static ReportSegment Of(SegmentClass segmentClass, IReadOnlyList<SegmentClass> classes, IReadOnlyList<long> countsPerLabel, double voxelMl)
    {
        ArgumentNullException.ThrowIfNull(segmentClass);
        ArgumentNullException.ThrowIfNull(countsPerLabel);
        var voxels = DicomVolumeAdapter.ValuesOf(segmentClass, classes).Sum(v => countsPerLabel[v]);
        return new ReportSegment(segmentClass.Index, segmentClass.Label, voxels, voxels * voxelMl);
    }
}

/// <summary>Stage timings in milliseconds.</summary>
public sealed record ReportTimings(double Load, double Inference, double Postprocess, double Write, double Evaluate, double Total);

/// <summary>
/// Metrics against the ground-truth SEG found in the input, one per model class (including the classes it contains),
/// written in the vocabulary of <see cref="MetricKeys"/> like <c>evaluate --json</c>.
/// </summary>
public sealed record ReportGroundTruth(string File, IReadOnlyList<SegmentEvaluation> Segments, IReadOnlyList<string> Unmatched)
{
    /// <summary>The model's critic distance between prediction and ground truth (docs/metrics.md), when the model has a critic.</summary>
    public double? CriticDistance { get; init; }
}
