using System.ComponentModel.DataAnnotations;

namespace PipelineSeg.Host.Options;

/// <summary>Where model plugins are loaded from (section <c>Plugins</c>).</summary>
public sealed class PluginsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Plugins";

    /// <summary>Plugins folder, one subfolder per plugin; relative paths are resolved against the application folder.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "plugins";

    /// <summary>Check the SHA-256 of every model file before loading (turn off only for development).</summary>
    public bool VerifyHashes { get; set; } = true;

    /// <summary>How long a cancelled model forward (job timeout, shutdown) may take to stop before it is abandoned on its thread.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ForwardCancellationGrace { get; set; } = TimeSpan.FromSeconds(2);
}
