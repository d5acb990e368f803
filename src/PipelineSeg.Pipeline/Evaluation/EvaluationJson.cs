using System.Text;
using System.Text.Json;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>Writes an evaluation result as JSON; the metrics in the one vocabulary of <see cref="MetricsJsonWriter"/> (docs/metrics.md).</summary>
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
            w.WriteString("comparison", EvaluationText.Describe(result.Comparison));
            Ints(w, "labelsOnlyInPrediction", result.LabelsOnlyInPrediction);
            Ints(w, "labelsOnlyInGroundTruth", result.LabelsOnlyInGroundTruth);
            w.WriteStartArray("notes");
            foreach (var note in result.Notes)
            {
                w.WriteStringValue(note);
            }
            w.WriteEndArray();
            w.WriteStartArray("segments");
            foreach (var s in result.Report.Segments)
            {
                MetricsJsonWriter.WriteSegment(w, s);
            }
            w.WriteEndArray();
            MetricsJsonWriter.WriteMean(w, "mean", result.Report.Mean);
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
            MetricsJsonWriter.Number(w, MetricKeys.GeneralizedJaccard, result.SoftJaccard);
            w.WriteStartArray("thresholds");
            foreach (var (threshold, metrics) in result.Sweep)
            {
                w.WriteStartObject();
                w.WriteNumber("threshold", threshold);
                w.WritePropertyName("metrics");
                MetricsJsonWriter.WriteSegment(w, metrics);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private static void Ints(Utf8JsonWriter w, string name, IReadOnlyList<int> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }
        w.WriteEndArray();
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
}
