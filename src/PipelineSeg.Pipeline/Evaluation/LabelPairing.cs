using System.Globalization;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Labels;
using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>
/// Decides how two label maps are compared so that a value convention never passes for a result: a 0/1 prediction
/// against a 0/255 ground truth would otherwise score label 1 and label 255 as two disjoint segments, each Dice 0.
/// </summary>
internal static class LabelPairing
{
    /// <summary>The foreground label a binary comparison is reported under.</summary>
    public const int Foreground = 1;

    /// <summary>
    /// The comparison for two label maps (no SEG): <paramref name="binary"/> or <paramref name="label"/> when asked; binary
    /// with a note when both sides are two-valued with different values; otherwise label by label. Throws
    /// <see cref="LabelMismatchException"/> when one side is two-valued, the other is not, and their values do not meet.
    /// </summary>
    public static (LabelComparison Comparison, string? Note) Decide(IReadOnlyList<int> predicted, IReadOnlyList<int> truth, bool truthIsLabelMap, bool binary, int? label)
    {
        if (binary)
        {
            return (LabelComparison.Binary, $"compared as binary masks (--binary): any non-zero voxel is foreground; prediction values {List(predicted)}, ground truth values {List(truth)}");
        }
        if (label is { } l)
        {
            var onTruth = truthIsLabelMap && truth.Count == 1 ? $"the ground truth's foreground (value {truth[0]})" : $"ground-truth label {l}";
            return (LabelComparison.SingleLabel, $"compared prediction label {l} with {onTruth} (--label)");
        }
        if (predicted.Count == 1 && truth.Count == 1 && predicted[0] != truth[0])
        {
            return (LabelComparison.Binary,
                $"prediction (0/{predicted[0]}) and ground truth (0/{truth[0]}) are both two-valued with different foreground values: compared as binary masks (non-zero = foreground)");
        }
        var twoValued = truth.Count == 1 ? "ground truth" : predicted.Count == 1 ? "prediction" : null;
        if (twoValued is not null && predicted.Count > 0 && truth.Count > 0 && !predicted.Intersect(truth).Any())
        {
            throw new LabelMismatchException(
                $"the {twoValued} is two-valued but the labels do not meet (prediction {List(predicted)}, ground truth {List(truth)}); " +
                "pass --binary to compare any non-zero voxel as foreground, or --label N to compare prediction label N with the ground truth's foreground");
        }
        return (LabelComparison.Labels, null);
    }

    /// <summary>
    /// The mask pair of a binary or single-label comparison. <paramref name="predictionMask"/> gives a prediction label's
    /// mask on the ground-truth grid; a two-valued ground-truth label map contributes its foreground to a single label.
    /// </summary>
    public static MaskPair Pair(LabelComparison comparison, int? label, Volume<byte> predicted, Func<int, Volume<byte>> predictionMask,
        LabelVolumeSide truth)
    {
        if (comparison == LabelComparison.Binary)
        {
            return new MaskPair(Foreground, "foreground", LabelMasks.Of(predicted, NonZero()), LabelMasks.Of(truth.Labels, NonZero()));
        }
        var l = label ?? throw new ArgumentNullException(nameof(label));
        if (l is < 1 or > 255)
        {
            throw new LabelMismatchException($"--label {l} is outside 1..255");
        }
        var truthMask = truth.IsLabelMap && truth.Values.Count == 1 ? LabelMasks.Of(truth.Labels, NonZero()) : truth.MaskOf(l);
        return new MaskPair(l, truth.NameOf(l), predictionMask(l), truthMask);
    }

    /// <summary>Labels with voxels on one side only: a sign of a label convention mismatch, reported rather than left to a silent 0.</summary>
    public static (IReadOnlyList<int> OnlyInPrediction, IReadOnlyList<int> OnlyInGroundTruth) OneSided(EvaluationReport report) =>
        ([.. report.Segments.Where(s => s.PredictedVoxels > 0 && s.GroundTruthVoxels == 0).Select(s => s.Label)],
         [.. report.Segments.Where(s => s.GroundTruthVoxels > 0 && s.PredictedVoxels == 0).Select(s => s.Label)]);

    private static IEnumerable<byte> NonZero() => Enumerable.Range(1, 255).Select(v => (byte)v);

    private static string List(IReadOnlyList<int> values) =>
        values.Count == 0 ? "none" : string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
