using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Labels;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.GroundTruth;

/// <summary>
/// Places a ground-truth SEG on the series grid and scores the predicted label map against it, like with like:
/// ground-truth segments are matched to model classes by label (case-insensitive), and each class is scored as the
/// mask its SEG segment is written from (the class plus the classes it contains, e.g. liver ⊇ lesion, the LiTS
/// convention of the ground truth).
/// </summary>
public static class GroundTruthScorer
{
    /// <summary>Scores <paramref name="prediction"/> (values = class indices) against <paramref name="groundTruth"/>.</summary>
    public static GroundTruthScore Score(DicomSegmentation groundTruth, DicomSeries series, Volume<byte> prediction,
        IReadOnlyList<SegmentClass> classes, CancellationToken cancellationToken = default) =>
        Score(Place(groundTruth, series, classes), prediction, classes, cancellationToken);

    /// <summary>
    /// Places the ground-truth segments matching <paramref name="classes"/> on the series grid; done before inference when
    /// figures need the class probabilities (the threshold sweep), after it otherwise.
    /// </summary>
    public static GroundTruthPlacement Place(DicomSegmentation groundTruth, DicomSeries series, IReadOnlyList<SegmentClass> classes)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(classes);
        var geometry = series.Geometry ?? throw new InvalidOperationException($"series {series.Key} has no geometry");
        var matched = new List<(SegmentClass, Volume<byte>)>();
        var unmatched = new List<string>();
        foreach (var cls in classes.Where(c => !c.IsBackground).OrderBy(c => c.Index))
        {
            var segment = groundTruth.Segments.FirstOrDefault(s => string.Equals(s.Label, cls.Label, StringComparison.OrdinalIgnoreCase));
            if (segment is null)
            {
                unmatched.Add(cls.Label);
                continue;
            }
            matched.Add((cls, DicomVolumeAdapter.SegmentMask(groundTruth, segment.Number, geometry, series.Slices)));
        }
        return new GroundTruthPlacement(groundTruth.FilePath, matched, unmatched);
    }

    /// <summary>Scores <paramref name="prediction"/> (values = class indices) against a placed ground truth.</summary>
    public static GroundTruthScore Score(GroundTruthPlacement placement, Volume<byte> prediction, IReadOnlyList<SegmentClass> classes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(classes);
        var pairs = placement.Matched
            .Select(m => new MaskPair(m.Class.Index, m.Class.Label, LabelMasks.Of(prediction, DicomVolumeAdapter.ValuesOf(m.Class, classes)), m.Truth))
            .ToList();
        var report = SegmentationEvaluator.Evaluate(pairs, new EvaluationOptions { SurfaceDistances = true }, cancellationToken);
        return new GroundTruthScore(placement.File, report.Segments, placement.Unmatched, pairs);
    }
}
