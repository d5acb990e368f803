using System.Text.Json;

namespace PipelineSeg.Host.Cli.Models;

/// <summary>Reads <c>--params</c>: a JSON object of scalars into the invariant text the manifest's <c>parameters</c> hold.</summary>
internal static class NetworkParametersJson
{
    /// <exception cref="FormatException">Not an object of strings, numbers and booleans; the message names the key.</exception>
    public static Dictionary<string, string> Parse(string? json)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"--params is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("--params must be a JSON object, e.g. {\"preset\":\"milesial\",\"n_channels\":1,\"n_classes\":2}");
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                result[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => throw new FormatException($"--params: '{property.Name}' must be a string, number or boolean"),
                };
            }
        }
        return result;
    }
}
