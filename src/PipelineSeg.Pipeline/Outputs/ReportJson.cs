using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>The JSON settings of every file the pipeline writes (camelCase, indented, readable non-ASCII).</summary>
public static class ReportJson
{
    /// <summary>Shared serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = ReportNamingPolicy.Instance,
        // Reports are files, never embedded in HTML: keep "liver+lesion" and "σ" readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new SegmentEvaluationJsonConverter() },
    };

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> through a temporary file (never half-written).</summary>
    public static async Task WriteAsync<T>(string path, T value, CancellationToken cancellationToken = default)
    {
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(stream, value, Options, cancellationToken).ConfigureAwait(false);
        }
        File.Move(temp, path, overwrite: true);
    }
}
