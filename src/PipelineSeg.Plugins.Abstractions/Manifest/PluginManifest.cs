using System.Text.Json.Serialization;

namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// The <c>plugin.json</c> next to a plugin assembly. The host reads and validates it before loading any code,
/// so <c>pipelineseg models</c> can list models and refuse broken plugins without executing them.
/// </summary>
public sealed class PluginManifest
{
    /// <summary>Stable plugin id, e.g. <c>pipelineseg.unet</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Plugin version (semantic version text).</summary>
    public required string Version { get; init; }

    /// <summary>Contract version the plugin was built against, "major.minor" (see <see cref="PluginContract.IsCompatible"/>).</summary>
    public required string ContractVersion { get; init; }

    /// <summary>
    /// Assembly file name relative to the plugin folder, e.g. <c>PipelineSeg.Plugins.UNet.dll</c>; null for a model
    /// package (<see cref="IsModelPackage"/>).
    /// </summary>
    public string? Assembly { get; init; }

    /// <summary>Full name of the entry type: it implements <see cref="ISegmentationModelPlugin"/> when <see cref="Models"/>
    /// is not empty, and <see cref="IExecutionBackend"/> when <see cref="ExecutionBackend"/> is set; null for a model package.</summary>
    public string? EntryType { get; init; }

    /// <summary>
    /// A model package: no code, only <c>plugin.json</c> and the model files (e.g. model.onnx, model.pt), every model
    /// naming an execution backend plugin that runs it. Bring-your-own-model without C#.
    /// </summary>
    [JsonIgnore]
    public bool IsModelPackage => Assembly is null && EntryType is null;

    /// <summary>Name of the execution backend this plugin provides (e.g. <c>onnxruntime</c>), or null for a model family plugin.</summary>
    public string? ExecutionBackend { get; init; }

    /// <summary>Optional free text.</summary>
    public string? Description { get; init; }

    /// <summary>The models this plugin serves (at least one, unless the plugin only provides an <see cref="ExecutionBackend"/>).</summary>
    public required IReadOnlyList<ModelManifest> Models { get; init; }

    /// <summary>Parses <see cref="ContractVersion"/>; null when it is not "major.minor".</summary>
    [JsonIgnore]
    public Version? ParsedContractVersion =>
        System.Version.TryParse(ContractVersion, out var v) && v.Build < 0 ? v : null;
}
