namespace PipelineSeg.Plugins.Abstractions;

/// <summary>A file a model needs, checked by the host before any plugin code runs.</summary>
public sealed class ModelFile
{
    /// <summary>Path relative to the plugin folder, '/' separated, e.g. <c>models/unet-liver-phantom/model.safetensors</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>What the plugin uses it for, e.g. <c>weights</c>.</summary>
    public string Role { get; init; } = "weights";
}
