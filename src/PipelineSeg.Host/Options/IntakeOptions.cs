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

    /// <summary>
    /// A file of this name inside an export folder says the copy is complete: the folder is ready at once, without
    /// waiting for <see cref="SettleTime"/>. It travels with the input (done/ or failed/).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string MarkerFile { get; set; } = ".complete";

    /// <summary>
    /// Export folders are processed only once their <see cref="MarkerFile"/> appears (for senders that pause longer
    /// than any quiet period). Loose files always use <see cref="SettleTime"/>.
    /// </summary>
    public bool RequireMarker { get; set; }
}
