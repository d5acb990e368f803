namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// A plugin's code failed while running a model: its forward threw, or did not return after cancellation and was
/// abandoned. The message names the plugin, the model and the cause. Not an input error: the job fails, the input is
/// not quarantined, and the other plugins keep working.
/// </summary>
public sealed class PluginFaultException : Exception
{
    /// <summary>Creates the exception for <paramref name="pluginId"/>'s model <paramref name="modelId"/>.</summary>
    public PluginFaultException(string pluginId, string modelId, string cause, bool abandoned, Exception? inner = null)
        : base($"plugin '{pluginId}' model '{modelId}': {cause}", inner)
    {
        PluginId = pluginId;
        ModelId = modelId;
        Abandoned = abandoned;
    }

    /// <summary>Creates an exception without plugin details.</summary>
    public PluginFaultException()
        : this("unknown", "unknown", "plugin fault", abandoned: false)
    {
    }

    /// <summary>Creates an exception without plugin details.</summary>
    public PluginFaultException(string message)
        : base(message)
    {
        PluginId = ModelId = "unknown";
    }

    /// <summary>Creates an exception without plugin details.</summary>
    public PluginFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
        PluginId = ModelId = "unknown";
    }

    /// <summary>The plugin's manifest id.</summary>
    public string PluginId { get; }

    /// <summary>The model whose forward failed.</summary>
    public string ModelId { get; }

    /// <summary>True when the forward never returned and was left running on its own thread.</summary>
    public bool Abandoned { get; }
}
