using System.ComponentModel.DataAnnotations;

namespace PipelineSeg.Host.Options;

/// <summary>Folders that <c>serve</c> watches for PACS exports (section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Intake";

    /// <summary>Watched folders; <c>serve</c> needs at least one.</summary>
    public List<WatchFolderOptions> WatchFolders { get; } = [];

    /// <summary>A full rescan catches what file-system events miss (network shares, events lost under load).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A folder is processed once no file in it changed for this long (PACS exports arrive file by file).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Capacity of the bounded queue between watchers and the job runner (back-pressure, not unbounded memory).</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;
}
