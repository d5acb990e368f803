namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// What runs a model whose graph travels with its weights (e.g. ONNX Runtime, TorchScript through TorchSharp), as
/// opposed to the family plugin building it on the builtin engine. A backend ships as a plugin whose manifest names it
/// in <see cref="PluginManifest.ExecutionBackend"/> and whose entry type implements this interface; a model selects it
/// with <see cref="ModelManifest.Backend"/>. The backend's native libraries stay private to its plugin folder.
/// </summary>
public interface IExecutionBackend
{
    /// <summary>Backend name models refer to, e.g. <c>onnxruntime</c>; never <see cref="ExecutionBackends.Builtin"/>.</summary>
    string Name { get; }

    /// <summary>
    /// Creates a ready model from a manifest entry of another plugin (files resolved in that plugin's folder through
    /// <paramref name="context"/>, SHA-256 already checked by the host).
    /// </summary>
    /// <exception cref="NotSupportedException">The backend cannot run this model (file format, output kind).</exception>
    ISegmentationModel CreateModel(ModelManifest model, ModelCreationContext context, CancellationToken cancellationToken = default);
}
