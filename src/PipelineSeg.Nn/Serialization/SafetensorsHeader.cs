using System.Text.Json;

namespace PipelineSeg.Nn;

/// <summary>Parses and checks the JSON header of a safetensors file.</summary>
internal static class SafetensorsHeader
{
    public static (Dictionary<string, SafetensorsEntry> Entries, Dictionary<string, string> Metadata) Parse(
        string path, ReadOnlySpan<byte> json, long dataLength)
    {
        var entries = new Dictionary<string, SafetensorsEntry>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(json);
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: header is not a JSON object");
            }
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    foreach (var m in property.Value.EnumerateObject())
                    {
                        metadata[m.Name] = m.Value.ValueKind == JsonValueKind.String ? m.Value.GetString()! : m.Value.GetRawText();
                    }
                    continue;
                }
                entries.Add(property.Name, ParseEntry(path, property, dataLength));
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: header is not valid JSON ({e.Message})", e);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"{path}: malformed header ({e.Message})", e);
        }
        return (entries, metadata);
    }

    private static SafetensorsEntry ParseEntry(string path, JsonProperty property, long dataLength)
    {
        var v = property.Value;
        var dtype = v.GetProperty("dtype").GetString() ?? "";
        var shape = v.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        var offsets = v.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
        if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength)
        {
            throw new InvalidDataException($"{path}: tensor '{property.Name}' has data_offsets [{string.Join(", ", offsets)}] outside the {dataLength}-byte data block");
        }
        if (shape.Any(d => d < 0))
        {
            throw new InvalidDataException($"{path}: tensor '{property.Name}' has a negative dimension");
        }
        var entry = new SafetensorsEntry(property.Name, dtype, shape, offsets[0], offsets[1]);
        if (entry.ElementSize > 0 && entry.ElementCount * entry.ElementSize != offsets[1] - offsets[0])
        {
            throw new InvalidDataException($"{path}: tensor '{property.Name}' ({dtype} [{string.Join(", ", shape)}]) needs {entry.ElementCount * entry.ElementSize} bytes, data_offsets give {offsets[1] - offsets[0]}");
        }
        return entry;
    }
}
