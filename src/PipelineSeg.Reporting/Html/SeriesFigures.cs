using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
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
