using PipelineSeg.Plugins.Abstractions;

namespace TestPlugins.Faulty;

/// <summary>A plugin whose models misbehave in their forward, as its manifest's "behaviour" parameter says.</summary>
public sealed class FaultyPlugin : ISegmentationModelPlugin
{
    public ISegmentationModel CreateModel(ModelManifest model, ModelCreationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var behaviour = model.Parameters.TryGetValue("behaviour", out var value) ? value : string.Empty;
        return behaviour is "throws" or "hangs" or "cooperative"
            ? new FaultyModel(model, behaviour)
            : throw new NotSupportedException($"model '{model.Id}': unknown behaviour '{behaviour}'");
    }
}
