using System.Text.Json;
using System.Text.Json.Serialization;

namespace PipelineSeg.Plugins.Abstractions;

/// <summary>Reads a JSON object of scalars into text values (numbers keep their invariant JSON text) and writes them back as strings.</summary>
internal sealed class ParameterDictionaryConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("'parameters' must be an object of scalar values");
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? throw new JsonException("parameter without a name");
            reader.Read();
            result[name] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString() ?? string.Empty,
                JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => throw new JsonException($"parameter '{name}' must be a string, number or boolean"),
            };
        }
        return result;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (k, v) in value)
        {
            writer.WriteString(k, v);
        }
        writer.WriteEndObject();
    }
}
