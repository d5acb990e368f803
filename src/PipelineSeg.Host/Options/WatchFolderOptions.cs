using System.ComponentModel.DataAnnotations;

namespace PipelineSeg.Host.Options;

/// <summary>One watched folder: where exports arrive, where results go, which pipeline runs.</summary>
public sealed class WatchFolderOptions
{
    /// <summary>
    /// Folder that PACS exports into: each subfolder that settles is processed as one job; DICOM files dropped directly
    /// into it are grouped by series, one job per series.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = string.Empty;

    /// <summary>Folder that receives one result folder per job, named by a short id (never after the input folder).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Output { get; set; } = string.Empty;

    /// <summary>Pipeline name; the default pipeline when empty.</summary>
    public string? Pipeline { get; set; }
}
