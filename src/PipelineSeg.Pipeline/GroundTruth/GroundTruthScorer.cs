using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.GroundTruth;

/// <summary>
/// Places a ground-truth SEG on the series grid and compares the predicted label map with it. Ground-truth segments
/// are matched to model classes by label (case-insensitive); later classes override earlier ones, so with classes
/// liver, lesion a lesion voxel counts as lesion in both maps.
/// </summary>
public static class GroundTruthScorer
{
    /// <summary>Scores <paramref name="prediction"/> (values = class indices) against <paramref name="groundTruth"/>.</summary>
    public static GroundTruthScore Score(DicomSegmentation groundTruth, DicomSeries series, Volume<byte> prediction,
        IReadOnlyList<SegmentClass> classes, IReadOnlyList<string> organGroup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(organGroup);
        var geometry = series.Geometry ?? throw new InvalidOperationException($"series {series.Key} has no geometry");
        var truth = prediction.CreateLike<byte>();
        var matched = new List<int>();
        var unmatched = new List<string>();
        var names = new Dictionary<int, string>();
        foreach (var cls in classes.Where(c => !c.IsBackground).OrderBy(c => c.Index))
        {
            var segment = groundTruth.Segments.FirstOrDefault(s => string.Equals(s.Label, cls.Label, StringComparison.OrdinalIgnoreCase));
            if (segment is null)
            {
                unmatched.Add(cls.Label);
                continue;
            }
            var mask = groundTruth.SegmentMask(segment.Number, geometry, series.Slices);
            var t = truth.Array;
            for (var i = 0; i < t.Length; i++)
            {
                if (mask[i] != 0)
                {
                    t[i] = (byte)cls.Index;
                }
            }
            matched.Add(cls.Index);
            names[cls.Index] = cls.Label;
        }
        var options = new EvaluationOptions { Labels = matched, LabelNames = names, SurfaceDistances = true };
        var report = SegmentationEvaluator.Evaluate(prediction, truth, options, cancellationToken);
        var groups = new List<SegmentEvaluation>();
        var groupIndices = classes.Where(c => organGroup.Contains(c.Label, StringComparer.OrdinalIgnoreCase)).Select(c => (byte)c.Index).ToHashSet();
        if (groupIndices.Count > 1 && groupIndices.All(i => matched.Contains(i)))
        {
            var name = string.Join('+', classes.Where(c => groupIndices.Contains((byte)c.Index)).Select(c => c.Label));
            var groupOptions = new EvaluationOptions { Labels = [1], LabelNames = new Dictionary<int, string> { [1] = name }, SurfaceDistances = true };
            groups.AddRange(SegmentationEvaluator.Evaluate(ClassMask.Of(prediction, groupIndices), ClassMask.Of(truth, groupIndices), groupOptions, cancellationToken).Segments);
        }
        return new GroundTruthScore(groundTruth.FilePath, report.Segments, groups, unmatched);
    }
}
