using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;

namespace PipelineSeg.Host.Composition;

/// <summary>
/// The catalog's load-time model check: a model whose parameters name a preset is described by its family's network
/// factory (no weights loaded), so an unsupported preset or parameter refuses the model at load with the factory's
/// reason, not a job later. Lives in the host because the hosting layer does not reference the engine.
/// </summary>
internal static class NetworkParametersCheck
{
    public static string? Check(LoadedPlugin plugin, ModelManifest model)
    {
        if (plugin.GetEntry<INetworkFactory>() is not { } factory || !model.Parameters.ContainsKey(NetworkParameters.PresetKey))
        {
            return null;
        }
        try
        {
            factory.Describe(new NetworkParameters(model.Parameters));
            return null;
        }
        catch (ArgumentException e)
        {
            return $"'parameters': {e.Message}";
        }
    }
}
