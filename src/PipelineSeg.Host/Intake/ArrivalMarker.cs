using System.Text.Json;

namespace PipelineSeg.Host.Intake;

/// <summary>
/// The readiness marker (<c>Intake:MarkerFile</c>) of a series received over the network also says who sent it: the
/// listener writes <c>{"callingAeTitle": …}</c> into it, so the CallingAeTitle routing condition works for network
/// input. A marker a person or PACS export wrote (empty, or any other text) names no sender.
/// </summary>
internal static class ArrivalMarker
{
    private const string CallingAeKey = "callingAeTitle";

    /// <summary>Writes the marker <paramref name="path"/> for a series sent by <paramref name="callingAeTitle"/>.</summary>
    public static void Write(string path, string callingAeTitle) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, string> { [CallingAeKey] = callingAeTitle }));

    /// <summary>The calling AE title in the marker at the root of <paramref name="folder"/>, or null when there is none.</summary>
    public static string? ReadCallingAeTitle(string folder, string markerFile)
    {
        var path = Path.Combine(folder, markerFile);
        if (!File.Exists(path) || new FileInfo(path).Length is 0 or > 4096)
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty(CallingAeKey, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { } title && IsAeTitle(title.Trim()) ? title.Trim() : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    // PS3.5: at most 16 characters of the default repertoire, no control characters or backslash.
    private static bool IsAeTitle(string title) => title.Length is > 0 and <= 16 && title.All(c => c is >= ' ' and <= '~' and not '\\');
}
