using System.ComponentModel.DataAnnotations;

namespace PipelineSeg.Host.Options;

/// <summary>One watched folder: where exports arrive, where results go, which pipeline runs.</summary>
public sealed class WatchFolderOptions
{
    /// <summary>Folder that PACS exports into; each subfolder that settles is processed as one job.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = string.Empty;

    /// <summary>Folder that receives one result folder per series.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Output { get; set; } = string.Empty;

    /// <summary>Pipeline name; the default pipeline when empty.</summary>
    public string? Pipeline { get; set; }
}
