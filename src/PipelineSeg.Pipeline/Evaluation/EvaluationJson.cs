using System.Text;
using System.Text.Json;
using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>Writes an evaluation result as JSON (camelCase; distances in mm, volumes in ml; undefined values as null).</summary>
public static class EvaluationJson
{
    /// <summary>The JSON text of a result.</summary>
    public static string Serialize(LabelEvaluationResult result, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WriteObject(result.Prediction, result.GroundTruth, indented, w =>
        {
            w.WriteStartObject("grid");
            w.WriteStartArray("size");
            w.WriteNumberValue(result.Size.X);
            w.WriteNumberValue(result.Size.Y);
            w.WriteNumberValue(result.Size.Z);
            w.WriteEndArray();
            w.WriteStartArray("spacingMm");
            w.WriteNumberValue(result.Spacing.X);
            w.WriteNumberValue(result.Spacing.Y);
            w.WriteNumberValue(result.Spacing.Z);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("alignment", EvaluationText.Describe(result.Alignment));
            w.WriteStartArray("segments");
            foreach (var s in result.Report.Segments)
            {
                WriteSegment(w, s);
            }
            w.WriteEndArray();
            WriteMean(w, result.Report.Mean);
        });
    }

    /// <summary>The JSON text of a probability-map evaluation (soft Jaccard and one segment object per threshold).</summary>
    public static string Serialize(ProbabilityEvaluationResult result, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WriteObject(result.Prediction, result.GroundTruth, indented, w =>
        {
            w.WriteNumber("label", result.Label);
            w.WriteString("alignment", EvaluationText.Describe(result.Alignment));
            Number(w, "softJaccard", result.SoftJaccard);
            w.WriteStartArray("thresholds");
            foreach (var (threshold, metrics) in result.Sweep)
            {
                w.WriteStartObject();
                w.WriteNumber("threshold", threshold);
                w.WritePropertyName("metrics");
                WriteSegment(w, metrics);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    /// <summary>The top-level object both result kinds share: the two inputs first, then the kind's own members.</summary>
    private static string WriteObject(string prediction, string groundTruth, bool indented, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteString("prediction", prediction);
            w.WriteString("groundTruth", groundTruth);
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSegment(Utf8JsonWriter w, SegmentEvaluation s)
    {
        w.WriteStartObject();
        w.WriteNumber("label", s.Label);
        if (s.Name is null)
        {
            w.WriteNull("name");
        }
        else
        {
            w.WriteString("name", s.Name);
        }
        w.WriteNumber("predictedVoxels", s.PredictedVoxels);
        w.WriteNumber("groundTruthVoxels", s.GroundTruthVoxels);
        Number(w, "dice", s.Dice);
        Number(w, "iou", s.IoU);
        Number(w, "pixelAccuracy", s.PixelAccuracy);
        Number(w, "sensitivity", s.Sensitivity);
        Number(w, "specificity", s.Specificity);
        Number(w, "precision", s.Precision);
        Number(w, "f1", s.F1);
        Number(w, "relativeVolumeDifference", s.RelativeVolumeDifference);
        Number(w, "volumeDifferenceMl", s.VolumeDifferenceMl);
        Distances(w, s.Hausdorff, s.Hausdorff95, s.AverageSymmetricSurfaceDistance);
        if (s.Slices is not null)
        {
            w.WriteStartArray("slices");
            foreach (var z in s.Slices)
            {
                w.WriteStartObject();
                w.WriteNumber("z", z.Z);
                w.WriteNumber("predictedVoxels", z.PredictedVoxels);
                w.WriteNumber("groundTruthVoxels", z.GroundTruthVoxels);
                Number(w, "dice", z.Dice);
                Number(w, "iou", z.IoU);
                Number(w, "sensitivity", z.Sensitivity);
                Number(w, "precision", z.Precision);
                Distances(w, z.Hausdorff, z.Hausdorff95, z.AverageSymmetricSurfaceDistance);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteMean(Utf8JsonWriter w, MeanEvaluation m)
    {
        w.WriteStartObject("mean");
        w.WriteStartArray("labels");
        foreach (var l in m.Labels)
        {
            w.WriteNumberValue(l);
        }
        w.WriteEndArray();
        Number(w, "dice", m.Dice);
        Number(w, "iou", m.IoU);
        Number(w, "sensitivity", m.Sensitivity);
        Number(w, "specificity", m.Specificity);
        Number(w, "precision", m.Precision);
        Number(w, "f1", m.F1);
        Distances(w, m.Hausdorff, m.Hausdorff95, m.AverageSymmetricSurfaceDistance);
        w.WriteEndObject();
    }

    /// <summary>The surface-distance triple, in the same names for segments, slices and the mean.</summary>
    private static void Distances(Utf8JsonWriter w, double? hausdorff, double? hausdorff95, double? assd)
    {
        Number(w, "hausdorffMm", hausdorff);
        Number(w, "hausdorff95Mm", hausdorff95);
        Number(w, "assdMm", assd);
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
