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

    /// <summary>Folder that receives one result folder per series, named by its SeriesInstanceUID (never after the input folder).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Output { get; set; } = string.Empty;

    /// <summary>Pipeline name; the default pipeline when empty.</summary>
    public string? Pipeline { get; set; }

    /// <summary>Claimed inputs being processed (atomic rename target: same file system as <see cref="Path"/>). Default: <c>work</c> beside the watched folder.</summary>
    public string? Work { get; set; }

    /// <summary>Inputs processed. Default: <c>done</c> beside the watched folder.</summary>
    public string? Done { get; set; }

    /// <summary>Inputs given up on, each with its error.json. Default: <c>failed</c> beside the watched folder.</summary>
    public string? Failed { get; set; }
}
