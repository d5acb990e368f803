using System.Text.Json;
using System.Text.Json.Serialization;

namespace PipelineSeg.Plugins.Abstractions;

/// <summary>Reads and writes <c>plugin.json</c> (camelCase properties, enums as camelCase strings).</summary>
public static class PluginManifestSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Parses and validates a manifest; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="PluginManifestException">Malformed JSON, missing properties or inconsistent content.</exception>
    public static PluginManifest Parse(string json, string sourceName)
    {
        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new PluginManifestException($"{sourceName}: invalid manifest: {ex.Message}", ex);
        }
        if (manifest is null)
        {
            throw new PluginManifestException($"{sourceName}: manifest is null");
        }
        var problems = PluginManifestValidator.Validate(manifest);
        if (problems.Count > 0)
        {
            throw new PluginManifestException($"{sourceName}: invalid manifest: {string.Join("; ", problems)}");
        }
        return manifest;
    }

    /// <summary>Reads, parses and validates the manifest file at <paramref name="path"/>.</summary>
    /// <exception cref="PluginManifestException">The file is missing, unreadable or invalid.</exception>
    public static async Task<PluginManifest> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PluginManifestException($"{path}: cannot read manifest: {ex.Message}", ex);
        }
        return Parse(json, path);
    }

    /// <summary>Writes a manifest as indented JSON.</summary>
    public static string Serialize(PluginManifest manifest) => JsonSerializer.Serialize(manifest, Options);
}
