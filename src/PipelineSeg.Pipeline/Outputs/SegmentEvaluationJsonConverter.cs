using System.Text.Json;
using System.Text.Json.Serialization;
using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>Serialises segment metrics in report.json exactly as <c>evaluate --json</c> does (<see cref="MetricsJsonWriter"/>).</summary>
public sealed class SegmentEvaluationJsonConverter : JsonConverter<SegmentEvaluation>
{
    /// <inheritdoc />
    public override SegmentEvaluation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("metrics are written, not read back; parse the JSON document instead");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SegmentEvaluation value, JsonSerializerOptions options) =>
        MetricsJsonWriter.WriteSegment(writer, value);
}
