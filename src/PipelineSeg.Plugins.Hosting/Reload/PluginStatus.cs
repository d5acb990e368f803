namespace PipelineSeg.Plugins.Hosting;

/// <summary>Whether a plugin folder serves models.</summary>
public enum PluginStatus
{
    /// <summary>Loaded; its models are served (some may still be refused, see the reasons).</summary>
    Loaded,

    /// <summary>Refused at load; the reasons say why. The folder is retried when it changes.</summary>
    Refused,
}
