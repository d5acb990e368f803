namespace PipelineSeg.Imaging.Metrics;

/// <summary>
/// The one scorer: evaluates a predicted label volume against a ground-truth label volume of the same grid, or
/// segments given as mask pairs (each scored as label 1 of its two masks, so segments may overlap).
/// </summary>
public static class SegmentationEvaluator
{
    /// <summary>Scores every pair (options' labels and background flag do not apply) and averages them.</summary>
    public static EvaluationReport Evaluate(IReadOnlyList<MaskPair> pairs, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        options ??= new EvaluationOptions();
        var single = options with { Labels = [1], ReportBackground = false, LabelNames = null };
        var segments = pairs
            .Select(p => Evaluate(p.Prediction, p.GroundTruth, single, cancellationToken).Segments[0].As(p.Label, p.Name))
            .ToList();
        var averaged = segments.Where(s => s.Label != 0 || !options.ExcludeBackgroundFromMean).ToList();
        return new EvaluationReport(segments, MeanEvaluation.Of(averaged));
    }

    /// <summary>Computes the metrics of every requested label. Volumes must have the same size (geometry is the caller's check).</summary>
    public static EvaluationReport Evaluate(Volume<byte> prediction, Volume<byte> groundTruth, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(groundTruth);
        options ??= new EvaluationOptions();
        var matrix = ConfusionMatrix.Count(prediction, groundTruth);
        var labels = options.Labels ?? matrix.PresentLabels().Where(l => l != 0 || options.ReportBackground).ToList();
        if (options.ReportBackground && options.Labels is null && !labels.Contains(0))
        {
            labels = [0, .. labels];
        }
        var spacing = groundTruth.Geometry.Spacing;
        var voxelMl = spacing.X * spacing.Y * spacing.Z / 1000.0;
        var segments = new List<SegmentEvaluation>(labels.Count);
        foreach (var label in labels)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (label is < 0 or > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(options), $"label {label} is outside 0..255");
            }
            var counts = matrix.For(label);
            var surface = options.SurfaceDistances ? SurfaceDistance.Compute(prediction, groundTruth, (byte)label) : null;
            List<SliceEvaluation>? slices = null;
            if (options.PerSlice)
            {
                slices = new List<SliceEvaluation>(matrix.SliceCount);
                var sliceSurfaces = options.SurfaceDistances ? SurfaceDistance.ComputePerSlice(prediction, groundTruth, (byte)label) : null;
                for (var z = 0; z < matrix.SliceCount; z++)
                {
                    slices.Add(SliceEvaluation.From(z, matrix.ForSlice(z, label), sliceSurfaces?[z], options.SurfaceDistances));
                }
            }
            string? name = null;
            options.LabelNames?.TryGetValue(label, out name);
            segments.Add(SegmentEvaluation.From(label, name, counts, voxelMl, surface, slices));
        }
        var averaged = segments.Where(s => s.Label != 0 || !options.ExcludeBackgroundFromMean).ToList();
        return new EvaluationReport(segments, MeanEvaluation.Of(averaged));
    }
}
