using System.ComponentModel.DataAnnotations;

namespace PipelineSeg.Host.Options;

/// <summary>Where <c>serve</c> publishes its health (section <c>Health</c>); a monitoring agent reads the file.</summary>
public sealed class HealthOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Health";

    /// <summary>JSON file rewritten with every health report; relative paths are resolved against <c>Service:DataDirectory</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string StatusFile { get; set; } = "health.json";

    /// <summary>How often health checks run.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Free space (MiB) each output folder and the data directory (work/, state/) need; below it health is Unhealthy.</summary>
    [Range(0, 1_048_576)]
    public long MinimumFreeSpaceMegabytes { get; set; } = 1024;
}
