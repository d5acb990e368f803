using System.Text.Json;
using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>
/// Writes metrics in the one vocabulary (<see cref="MetricKeys"/>, docs/metrics.md) for every JSON writer: report.json
/// (through <see cref="SegmentEvaluationJsonConverter"/>) and <c>evaluate --json</c>. Every metric key is always present;
/// an undefined one is null and its reason is in the "undefined" map.
/// </summary>
public static class MetricsJsonWriter
{
    /// <summary>One segment: label, name, every metric, the undefined reasons, and its slices when computed.</summary>
    public static void WriteSegment(Utf8JsonWriter w, SegmentEvaluation s)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(s);
        w.WriteStartObject();
        w.WriteNumber(MetricKeys.Label, s.Label);
        if (s.Name is null)
        {
            w.WriteNull(MetricKeys.Name);
        }
        else
        {
            w.WriteString(MetricKeys.Name, s.Name);
        }
        Numbers(w,
        [
            (MetricKeys.PredictedVoxels, s.PredictedVoxels), (MetricKeys.GroundTruthVoxels, s.GroundTruthVoxels),
            (MetricKeys.VolumeMl, s.VolumeMl), (MetricKeys.GroundTruthVolumeMl, s.GroundTruthVolumeMl),
            (MetricKeys.Dice, s.Dice), (MetricKeys.Iou, s.IoU), (MetricKeys.GeneralizedJaccard, s.GeneralizedJaccard),
            (MetricKeys.PixelAccuracy, s.PixelAccuracy), (MetricKeys.Sensitivity, s.Sensitivity), (MetricKeys.Specificity, s.Specificity),
            (MetricKeys.Precision, s.Precision), (MetricKeys.F1, s.F1), (MetricKeys.RelativeVolumeDifference, s.RelativeVolumeDifference),
            (MetricKeys.VolumeDifferenceMl, s.VolumeDifferenceMl), (MetricKeys.HausdorffMm, s.Hausdorff),
            (MetricKeys.Hausdorff95Mm, s.Hausdorff95), (MetricKeys.AssdMm, s.AverageSymmetricSurfaceDistance),
        ]);
        Undefined(w, s.Undefined);
        if (s.Slices is not null)
        {
            w.WriteStartArray(MetricKeys.Slices);
            foreach (var z in s.Slices)
            {
                WriteSlice(w, z);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>The averages over segments, under a property named <paramref name="name"/>.</summary>
    public static void WriteMean(Utf8JsonWriter w, string name, MeanEvaluation m)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(m);
        w.WriteStartObject(name);
        w.WriteStartArray(MetricKeys.Labels);
        foreach (var l in m.Labels)
        {
            w.WriteNumberValue(l);
        }
        w.WriteEndArray();
        var values = new (string Key, double? Value)[]
        {
            (MetricKeys.Dice, m.Dice), (MetricKeys.Iou, m.IoU), (MetricKeys.GeneralizedJaccard, m.GeneralizedJaccard),
            (MetricKeys.Sensitivity, m.Sensitivity), (MetricKeys.Specificity, m.Specificity), (MetricKeys.Precision, m.Precision),
            (MetricKeys.F1, m.F1), (MetricKeys.HausdorffMm, m.Hausdorff), (MetricKeys.Hausdorff95Mm, m.Hausdorff95),
            (MetricKeys.AssdMm, m.AverageSymmetricSurfaceDistance),
        };
        Numbers(w, values);
        Undefined(w, values.Where(v => v.Value is null).ToDictionary(v => v.Key, _ => UndefinedReasons.NoSegmentDefinesIt, StringComparer.Ordinal));
        w.WriteEndObject();
    }

    /// <summary>A number, or null when undefined (or not finite).</summary>
    public static void Number(Utf8JsonWriter w, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteSlice(Utf8JsonWriter w, SliceEvaluation z)
    {
        w.WriteStartObject();
        w.WriteNumber(MetricKeys.Z, z.Z);
        Numbers(w,
        [
            (MetricKeys.PredictedVoxels, z.PredictedVoxels), (MetricKeys.GroundTruthVoxels, z.GroundTruthVoxels),
            (MetricKeys.Dice, z.Dice), (MetricKeys.Iou, z.IoU), (MetricKeys.Sensitivity, z.Sensitivity), (MetricKeys.Precision, z.Precision),
            (MetricKeys.HausdorffMm, z.Hausdorff), (MetricKeys.Hausdorff95Mm, z.Hausdorff95), (MetricKeys.AssdMm, z.AverageSymmetricSurfaceDistance),
        ]);
        Undefined(w, z.Undefined);
        w.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter w, ReadOnlySpan<(string Key, double? Value)> values)
    {
        foreach (var (key, value) in values)
        {
            Number(w, key, value);
        }
    }

    private static void Undefined(Utf8JsonWriter w, IReadOnlyDictionary<string, string> reasons)
    {
        w.WriteStartObject(MetricKeys.Undefined);
        foreach (var (key, reason) in reasons.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            w.WriteString(key, reason);
        }
        w.WriteEndObject();
    }
}
