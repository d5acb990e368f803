using System.Globalization;
using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Reporting.Html;

/// <summary>
/// report.html of one series: a header without patient data, the segments (volume, slices, uncertainty), the overlays,
/// and with ground truth every metric per segment under its report.json key (docs/metrics.md) plus the plots.
/// </summary>
public static class SeriesReportPage
{
    /// <summary>The metric columns of the ground-truth table: the vocabulary's keys, in report.json's order.</summary>
    public static IReadOnlyList<string> MetricColumns { get; } =
    [
        MetricKeys.Dice, MetricKeys.Iou, MetricKeys.GeneralizedJaccard, MetricKeys.PixelAccuracy, MetricKeys.Sensitivity,
        MetricKeys.Specificity, MetricKeys.Precision, MetricKeys.F1, MetricKeys.RelativeVolumeDifference, MetricKeys.VolumeDifferenceMl,
        MetricKeys.HausdorffMm, MetricKeys.Hausdorff95Mm, MetricKeys.AssdMm,
    ];

    /// <summary>The page.</summary>
    public static HtmlPage Build(SeriesPageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var r = input.Report;
        var page = new HtmlPage($"Segmentation report — series {SeriesUidHash.Of(r.Series.SeriesInstanceUid)}");
        page.Paragraph("Not for diagnosis. " + (r.Applicability?.IntendedUse ?? "The model has no model card."), "banner");
        foreach (var note in input.Notes)
        {
            page.Paragraph(note, "banner");
        }
        var s = r.Series;
        var spacing = string.Join(" × ", s.SpacingMm.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture))) + " mm";
        page.Heading("Series and model").Facts(
        [
            ("series (SHA-256 of the UID, 12 digits)", SeriesUidHash.Of(s.SeriesInstanceUid)),
            ("modality", s.Modality),
            ("slices", $"{s.Slices} of {s.Columns} × {s.Rows}"),
            ("spacing", spacing),
            ("pipeline", r.Pipeline.Name),
            ("model", $"{r.Model.Name} ({r.Model.Id} {r.Model.Version}, {r.Model.Family})"),
            ("weights SHA-256", input.WeightsSha256.Count == 0 ? "n/a (no weights file in the manifest)" : string.Join(", ", input.WeightsSha256)),
            ("applicability", r.Applicability is { } a ? $"{a.Verdict} ({a.Policy} policy)" : "not checked"),
            ("timings", Timings(r)),
            ("host", input.Host),
            ("software", r.Software),
            ("created (UTC)", r.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        ]);
        page.Heading("Segments").Table(
            ["segment", MetricKeys.VolumeMl, "voxels", "axial slices", MetricKeys.MeanUncertainty, MetricKeys.UncertainFraction],
            r.Segments.Select(seg => (IReadOnlyList<HtmlCell>)
            [
                HtmlCell.Text(seg.Label), HtmlCell.Number(seg.VolumeMl, 2), new HtmlCell(HtmlText.Integer(seg.Voxels)),
                new HtmlCell(input.SliceRanges.TryGetValue(seg.Label, out var range) ? HtmlText.Encode(range.ToString()) : "none"),
                HtmlCell.Number(seg.MeanUncertainty), HtmlCell.Number(seg.UncertainFraction),
            ]));
        page.Heading("Key slices");
        foreach (var figure in input.Overlays)
        {
            page.Figure(figure.Png, figure.Caption);
        }
        if (r.GroundTruth is { } truth)
        {
            page.Heading("Against the ground truth");
            page.Paragraph($"{truth.Segments.Count} segment(s) scored against the ground-truth SEG; keys and units as in report.json (docs/metrics.md).");
            page.Table(["segment", MetricKeys.GroundTruthVolumeMl, .. MetricColumns],
                truth.Segments.Select(seg => (IReadOnlyList<HtmlCell>)
                [
                    HtmlCell.Text(seg.Name ?? seg.Label.ToString(CultureInfo.InvariantCulture)), HtmlCell.Number(seg.GroundTruthVolumeMl, 2),
                    .. MetricColumns.Select(k => Metric(seg, k)),
                ]));
            if (truth.Unmatched.Count > 0)
            {
                page.Paragraph("Ground-truth segments without a model class: " + string.Join(", ", truth.Unmatched));
            }
            if (truth.CriticDistance is { } critic)
            {
                // One figure per series from the critic the model was trained against (lower is better; docs/metrics.md).
                page.Facts([(MetricKeys.CriticDistance, critic.ToString("0.00000", CultureInfo.InvariantCulture))]);
            }
        }
        if (input.Plots.Count > 0)
        {
            page.Heading("Plots");
            foreach (var plot in input.Plots)
            {
                page.Figure(plot.Png, plot.Caption);
            }
        }
        page.Raw("<p><a href=\"report.json\">report.json</a> holds every figure of this page.</p>");
        return page;
    }

    private static string Timings(Pipeline.Outputs.SeriesReport r)
    {
        var t = r.TimingsMs;
        return FormattableString.Invariant(
            $"total {t.Total:0} ms (load {t.Load:0}, inference {t.Inference:0}, post-processing {t.Postprocess:0}, write {t.Write:0}, evaluate {t.Evaluate:0})");
    }

    private static HtmlCell Metric(SegmentEvaluation s, string key)
    {
        var value = MetricValue(s, key);
        return value is null && s.Undefined.TryGetValue(key, out var reason)
            ? new HtmlCell($"<span title=\"{HtmlText.Encode(reason)}\">n/a</span>")
            : HtmlCell.Number(value, key.EndsWith("Mm", StringComparison.Ordinal) || key.EndsWith("Ml", StringComparison.Ordinal) ? 2 : 4);
    }

    /// <summary>The value of one metric key of a segment (the same mapping as <c>MetricsJsonWriter</c>).</summary>
    public static double? MetricValue(SegmentEvaluation s, string key)
    {
        ArgumentNullException.ThrowIfNull(s);
        return key switch
        {
            MetricKeys.PredictedVoxels => s.PredictedVoxels,
            MetricKeys.GroundTruthVoxels => s.GroundTruthVoxels,
            MetricKeys.VolumeMl => s.VolumeMl,
            MetricKeys.GroundTruthVolumeMl => s.GroundTruthVolumeMl,
            MetricKeys.Dice => s.Dice,
            MetricKeys.Iou => s.IoU,
            MetricKeys.GeneralizedJaccard => s.GeneralizedJaccard,
            MetricKeys.PixelAccuracy => s.PixelAccuracy,
            MetricKeys.Sensitivity => s.Sensitivity,
            MetricKeys.Specificity => s.Specificity,
            MetricKeys.Precision => s.Precision,
            MetricKeys.F1 => s.F1,
            MetricKeys.RelativeVolumeDifference => s.RelativeVolumeDifference,
            MetricKeys.VolumeDifferenceMl => s.VolumeDifferenceMl,
            MetricKeys.HausdorffMm => s.Hausdorff,
            MetricKeys.Hausdorff95Mm => s.Hausdorff95,
            MetricKeys.AssdMm => s.AverageSymmetricSurfaceDistance,
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a segment metric key"),
        };
    }
}
