using PipelineSeg.Dicom;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Outputs.Writers;

/// <summary>Everything a <see cref="ISeriesResultWriter"/> may use: one series and the result that was computed for it.</summary>
/// <param name="Series">The source series (its slices in series order, geometry and UIDs).</param>
/// <param name="Labels">The label map on the source grid: values are class indices of <paramref name="Model"/>, [z][y][x] in series slice order.</param>
/// <param name="Model">Manifest of the model that named the result (classes, SNOMED codes, colours, name and version).</param>
/// <param name="PipelineName">Name of the pipeline definition.</param>
/// <param name="Pipeline">The pipeline definition (window, series description, …).</param>
/// <param name="Report">The report of the series (segment volumes, metrics, applicability); its output list is filled after the writers ran.</param>
/// <param name="Folder">Result folder of the series, already created.</param>
public sealed record SeriesResultContext(
    DicomSeries Series,
    Volume<byte> Labels,
    ModelManifest Model,
    string PipelineName,
    PipelineDefinition Pipeline,
    SeriesReport Report,
    string Folder)
{
    /// <summary>The applicability warning to lead a description with, or null when the series is within the model card.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// Per matched model class, the predicted mask and the ground-truth mask on the source grid, when a ground-truth SEG
    /// referenced the series; otherwise null.
    /// </summary>
    public IReadOnlyList<MaskPair>? GroundTruth { get; init; }

    /// <summary>
    /// Per non-background class, the std of its probability over the Monte-Carlo (or flip/ensemble) passes on the source
    /// grid in bytes (<see cref="Postprocessing.SpreadVolumes.Scale"/> per unit); null without such passes.
    /// </summary>
    public IReadOnlyList<(SegmentClass Class, Volume<byte> Map)>? Spread { get; init; }
}
