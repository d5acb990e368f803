using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Labels;
using PipelineSeg.Pipeline.Outputs.Writers;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Reporting.Overlays;

namespace PipelineSeg.Reporting.Html;

/// <summary>The "html" output: report.html beside report.json, self-contained (images inline, no request leaves the page).</summary>
public sealed class HtmlReportWriter : ISeriesResultWriter
{
    /// <summary>The page's file name in the series' result folder.</summary>
    public const string FileName = "report.html";

    /// <inheritdoc />
    public string Name => OutputNames.Html;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> WriteAsync(SeriesResultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var image = await DicomVolumeLoader.LoadImageAsync(context.Series, cancellationToken).ConfigureAwait(false);
        var page = await Task.Run(() => SeriesReportPage.Build(Input(context, image, cancellationToken)), cancellationToken).ConfigureAwait(false);
        await page.WriteAsync(Path.Combine(context.Folder, FileName), cancellationToken).ConfigureAwait(false);
        return [FileName];
    }

    private static SeriesPageInput Input(SeriesResultContext context, Volume<float> image, CancellationToken cancellationToken)
    {
        var classes = context.Model.Output.Classes;
        var truth = context.GroundTruth is { Count: > 0 } pairs
            ? LabelMasks.Merge(context.Labels, pairs.Select(p => ((byte)p.Label, p.GroundTruth)))
            : null;
        var scene = new OverlayScene(image, context.Labels, OverlaySegments.From(classes), WindowFor(context.Series.Modality, image))
        {
            GroundTruth = truth,
        };
        scene.Validate();
        var notes = new List<string>();
        if (context.Note is not null)
        {
            notes.Add(context.Note);
        }
        var plots = new List<ReportFigure>();
        if (context.GroundTruth is { Count: > 0 } scored)
        {
            plots.Add(SeriesFigures.SliceDice(scored, cancellationToken));
        }
        if (context.Report.GroundTruth?.ThresholdSweep is { } sweeps)
        {
            plots.AddRange(SeriesFigures.ThresholdSweeps(sweeps));
        }
        if (context.Spread is { } spread)
        {
            plots.AddRange(SeriesFigures.UncertaintyHistograms(context.Labels, classes, spread));
        }
        var weights = context.Model.Files.Where(f => f.Role == "weights").Select(f => f.Sha256).ToList();
        return new SeriesPageInput(context.Report, SeriesFigures.Overlays(scene), plots, SeriesFigures.SliceRanges(context.Labels, classes),
            weights, Environment.MachineName, notes);
    }

    // CT in the abdomen window; other modalities over their own value range
    private static DisplayWindow WindowFor(string modality, Volume<float> image)
    {
        if (string.Equals(modality, "CT", StringComparison.OrdinalIgnoreCase))
        {
            return DisplayWindow.Abdomen;
        }
        var span = image.Array;
        var (min, max) = span.Length == 0 ? (0f, 1f) : (span.Min(), span.Max());
        return new DisplayWindow((min + max) / 2.0, Math.Max(max - min, 1));
    }
}
