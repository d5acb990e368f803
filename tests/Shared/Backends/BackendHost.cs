using System.Text.Json;

namespace PipelineSeg.Testing;

/// <summary>The real host (src/PipelineSeg.Host's build output) as the backend tests run it: <c>dotnet pipelineseg.dll …</c>.</summary>
internal static class BackendHost
{
    private static readonly JsonSerializerOptions IgnoreNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>src/PipelineSeg.Host/bin/&lt;Configuration&gt;/net10.0/pipelineseg.dll, which must be built.</summary>
    public static string Dll
    {
        get
        {
            Assert.True(File.Exists(HostBuild.Dll), $"host not built: {HostBuild.Dll}");
            return HostBuild.Dll;
        }
    }

    /// <summary>Writes a configuration file with one pipeline per model (named after it, CT, no clean-up) and the
    /// plugins folder; returns its path.</summary>
    public static string WriteConfig(string directory, string plugins, IEnumerable<string> models, object? intake = null)
    {
        var path = Path.Combine(directory, "backends.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Plugins = new { Directory = plugins },
            Pipelines = models.ToDictionary(m => m, m => new { Model = m, Modalities = new[] { "CT" }, SeriesDescription = $"PipelineSeg {m}" }),
            Intake = intake,
        }, IgnoreNulls));
        return path;
    }

    /// <summary><c>batch</c> of the bundled samples through pipeline <paramref name="model"/> into <paramref name="output"/> (NIfTI labels).</summary>
    public static ExternalToolResult Batch(string config, string model, string output) =>
        ExternalTool.Run("dotnet", [Dll, "batch", "--config", config, "--pipeline", model, "--input", TestPaths.Repo("samples", "dicom"),
            "--output", output, "--outputs", "nifti"], TimeSpan.FromMinutes(5));
}
