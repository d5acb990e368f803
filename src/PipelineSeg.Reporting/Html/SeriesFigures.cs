using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Reporting.Overlays;
using PipelineSeg.Reporting.Plots;

namespace PipelineSeg.Reporting.Html;

/// <summary>The images of report.html, drawn with the shared overlay renderer and the report plots.</summary>
public static class SeriesFigures
{
    /// <summary>How many axial key slices a report shows.</summary>
    public const int AxialKeySlices = 3;

    /// <summary>The axial slices of largest area, then one coronal and one sagittal reformat through the segments.</summary>
    public static IReadOnlyList<ReportFigure> Overlays(OverlayScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var labels = scene.Labels ?? throw new ArgumentException("an overlay scene for a report needs labels", nameof(scene));
        var figures = new List<ReportFigure>();
        var truth = scene.GroundTruth is null ? string.Empty : "; ground truth dashed";
        foreach (var z in KeySlices.Select(labels, SlicePlane.Axial, AxialKeySlices))
        {
            figures.Add(new ReportFigure(OverlayRenderer.RenderPng(scene, SlicePlane.Axial, z), $"axial slice {z + 1} of {labels.Size.Z}{truth}"));
        }
        // reformats of thick-slice series are flat (square-mm pixels): drawn twice as large to stay readable
        var reformat = new OverlayOptions { Zoom = 2 };
        var y = KeySlices.Select(labels, SlicePlane.Coronal, 1)[0];
        figures.Add(new ReportFigure(OverlayRenderer.RenderPng(scene, SlicePlane.Coronal, y, reformat), $"coronal reformat, row {y + 1}{truth}"));
        var x = KeySlices.Select(labels, SlicePlane.Sagittal, 1)[0];
        figures.Add(new ReportFigure(OverlayRenderer.RenderPng(scene, SlicePlane.Sagittal, x, reformat), $"sagittal reformat, column {x + 1}{truth}"));
        return figures;
    }

    /// <summary>Per-slice Dice along z for each scored segment (the one scorer, per slice); slices where neither side has it are gaps.</summary>
    public static ReportFigure SliceDice(IReadOnlyList<MaskPair> pairs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var options = new EvaluationOptions { PerSlice = true, SurfaceDistances = false };
        var series = new Dictionary<string, IReadOnlyList<SliceDicePoint>>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var segment = SegmentationEvaluator.Evaluate([pair], options, cancellationToken).Segments[0];
            series[pair.Name ?? $"label {pair.Label}"] = segment.Slices!
                .Select(s => new SliceDicePoint(s.Z, s.PredictedVoxels + s.GroundTruthVoxels == 0 ? null : s.Dice))
                .ToList();
        }
        return new ReportFigure(SliceDicePlot.Png(series, "Dice per axial slice"), "Dice per axial slice against the ground truth (gaps: segment on neither side)");
    }

    /// <summary>One threshold-sweep plot per swept segment (report.json <c>groundTruth.thresholdSweep</c>).</summary>
    public static IReadOnlyList<ReportFigure> ThresholdSweeps(IReadOnlyList<ReportThresholdSweep> sweeps)
    {
        ArgumentNullException.ThrowIfNull(sweeps);
        return [.. sweeps.Where(s => s.Thresholds.Count > 0).Select(s => new ReportFigure(
            ThresholdSweepPlot.Png([.. s.Thresholds.Select(p => new ThresholdSweepPoint(p.Threshold, p.Metrics.Dice, p.Metrics.Sensitivity, p.Metrics.Specificity, p.Metrics.IoU))],
                $"threshold sweep: {s.Name}"),
            $"threshold sweep of {s.Name}: its class probability binarised at {Range(s)} against the ground truth (Dice, sensitivity, specificity, IoU)"))];
    }

    /// <summary>
    /// Per predicted segment with voxels, a histogram of its per-voxel uncertainty (std of the class probability over the
    /// passes), counted from the byte maps; one plot each, so a small segment is not flattened by a large one.
    /// </summary>
    public static IReadOnlyList<ReportFigure> UncertaintyHistograms(Volume<byte> labels, IReadOnlyList<SegmentClass> classes,
        IReadOnlyList<(SegmentClass Class, Volume<byte> Map)> spread) =>
        [.. UncertaintyCountsOf(labels, classes, spread).Where(c => c.Total > 0).Select(c => new ReportFigure(
            UncertaintyHistogramPlot.Png([c], $"uncertainty inside {c.Segment}", "std of the class probability over the passes"),
            $"uncertainty histogram of {c.Segment}: per voxel of the predicted segment, the std of its class probability over the passes (uncertainty.dcm)"))];

    /// <summary>
    /// Per class with a spread map, its predicted segment's voxels (its class plus the classes it contains, as in
    /// report.json's <c>meanUncertainty</c>) counted by stored uncertainty byte.
    /// </summary>
    public static IReadOnlyList<UncertaintyCounts> UncertaintyCountsOf(Volume<byte> labels, IReadOnlyList<SegmentClass> classes,
        IReadOnlyList<(SegmentClass Class, Volume<byte> Map)> spread)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(spread);
        var counts = new List<UncertaintyCounts>();
        foreach (var (cls, map) in spread)
        {
            if (map.Size != labels.Size)
            {
                throw new ArgumentException($"the spread map of '{cls.Label}' is {map.Size}, the labels {labels.Size}", nameof(spread));
            }
            var inside = new bool[256];
            foreach (var v in DicomVolumeAdapter.ValuesOf(cls, classes))
            {
                inside[v] = true;
            }
            var perByte = new long[256];
            var (l, m) = (labels.Array, map.Array);
            for (var i = 0; i < l.Length; i++)
            {
                if (inside[l[i]])
                {
                    perByte[m[i]]++;
                }
            }
            counts.Add(new UncertaintyCounts(cls.Label, perByte, SpreadVolumes.Scale));
        }
        return counts;
    }

    private static string Range(ReportThresholdSweep s) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Thresholds[0].Threshold:0.0#}…{s.Thresholds[^1].Threshold:0.0#}");

    /// <summary>The axial slices each segment spans, its contained classes included (as in its SEG segment and volume).</summary>
    public static IReadOnlyDictionary<string, SliceRange> SliceRanges(Volume<byte> labels, IReadOnlyList<SegmentClass> classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        var size = labels.Size;
        var plane = size.X * size.Y;
        var present = new bool[size.Z, 256];
        var data = labels.Array;
        for (var z = 0; z < size.Z; z++)
        {
            for (var i = 0; i < plane; i++)
            {
                present[z, data[(z * plane) + i]] = true;
            }
        }
        var ranges = new Dictionary<string, SliceRange>(StringComparer.Ordinal);
        foreach (var cls in classes.Where(c => !c.IsBackground))
        {
            var values = DicomVolumeAdapter.ValuesOf(cls, classes);
            var slices = Enumerable.Range(0, size.Z).Where(z => values.Any(v => present[z, v])).ToList();
            if (slices.Count > 0)
            {
                ranges[cls.Label] = new SliceRange(slices[0], slices[^1]);
            }
        }
        return ranges;
    }
}
