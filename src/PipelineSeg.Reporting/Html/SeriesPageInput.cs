using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Reporting.Html;

/// <summary>What report.html shows besides report.json's figures: the rendered images and facts the report does not hold.</summary>
/// <param name="Report">The series report (as written to report.json).</param>
/// <param name="Overlays">Key-slice overlays: axial slices of largest area, then a coronal and a sagittal reformat.</param>
/// <param name="Plots">Plots (per-slice Dice and threshold sweeps with ground truth, uncertainty histogram with Monte-Carlo passes); empty without either.</param>
/// <param name="SliceRanges">Per segment label, the axial slices it spans; absent when the segment is empty.</param>
/// <param name="WeightsSha256">SHA-256 of the model's weights file(s) from its manifest.</param>
/// <param name="Host">Machine the series was processed on.</param>
/// <param name="Notes">Lines a reader must see first (applicability warning, what is not shown and why).</param>
public sealed record SeriesPageInput(
    SeriesReport Report,
    IReadOnlyList<ReportFigure> Overlays,
    IReadOnlyList<ReportFigure> Plots,
    IReadOnlyDictionary<string, SliceRange> SliceRanges,
    IReadOnlyList<string> WeightsSha256,
    string Host,
    IReadOnlyList<string> Notes);
