using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
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
        IReadOnlyList<SegmentClass> classes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(classes);
        var geometry = series.Geometry ?? throw new InvalidOperationException($"series {series.Key} has no geometry");
        var pairs = new List<MaskPair>();
        var unmatched = new List<string>();
        foreach (var (cls, predicted) in DicomVolumeAdapter.ClassMasks(prediction, classes))
        {
            var segment = groundTruth.Segments.FirstOrDefault(s => string.Equals(s.Label, cls.Label, StringComparison.OrdinalIgnoreCase));
            if (segment is null)
            {
                unmatched.Add(cls.Label);
                continue;
            }
            var truth = DicomVolumeAdapter.SegmentMask(groundTruth, segment.Number, geometry, series.Slices);
            pairs.Add(new MaskPair(cls.Index, cls.Label, predicted, truth));
        }
        var report = SegmentationEvaluator.Evaluate(pairs, new EvaluationOptions { SurfaceDistances = true }, cancellationToken);
        return new GroundTruthScore(groundTruth.FilePath, report.Segments, unmatched, pairs);
    }
}
