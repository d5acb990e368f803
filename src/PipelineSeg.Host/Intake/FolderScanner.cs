using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake;

/// <summary>Maps changed paths in a watched folder to their source (export folder or loose files) and lists sources for rescans.</summary>
internal static class FolderScanner
{
    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = true };

    // Top level only; dot files are partial transfers or OS litter (.DS_Store), not exports.
    private static readonly EnumerationOptions TopLevel = new() { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };

    /// <summary>
    /// The export folder for a changed path: the first-level subfolder of <paramref name="watchedFolder"/> that contains
    /// it (PACS writes one folder per export); null for files directly in the watched folder or outside it.
    /// </summary>
    public static string? ExportFolderOf(string watchedFolder, string changedPath)
    {
        var (root, relative) = Relative(watchedFolder, changedPath);
        if (relative is null)
        {
            return null;
        }
        var separator = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var first = separator < 0 ? relative : relative[..separator];
        var candidate = Path.Combine(root, first);
        // Dot folders are transfers in progress (the DICOM receiver stages series there), never exports.
        return first.Length > 0 && !first.StartsWith('.') && (separator >= 0 || Directory.Exists(candidate)) ? candidate : null;
    }

    /// <summary>True for a file directly in <paramref name="watchedFolder"/> (a loose file dropped without a subfolder).</summary>
    public static bool IsLooseFile(string watchedFolder, string changedPath)
    {
        var (_, relative) = Relative(watchedFolder, changedPath);
        return relative is { Length: > 0 } && !relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !relative.StartsWith('.') && File.Exists(changedPath);
    }

    /// <summary>The source a changed path belongs to, or null when it is outside the watched folder or gone.</summary>
    public static IntakeSource? SourceOf(string watchedFolder, WatchFolderOptions watch, string changedPath)
    {
        var root = Path.GetFullPath(watchedFolder);
        if (ExportFolderOf(root, changedPath) is { } folder)
        {
            return new IntakeSource(IntakeSourceKind.ExportFolder, folder, root, watch);
        }
        return IsLooseFile(root, changedPath) ? new IntakeSource(IntakeSourceKind.LooseFiles, root, root, watch) : null;
    }

    /// <summary>Every export folder with the newest write time of any file in it (for the periodic rescan).</summary>
    public static IEnumerable<(string Folder, DateTime LastWriteUtc)> ExportFolders(string watchedFolder)
    {
        if (!Directory.Exists(watchedFolder))
        {
            yield break;
        }
        foreach (var folder in Directory.EnumerateDirectories(watchedFolder, "*", TopLevel))
        {
            if (NewestWriteIn(folder) is { } newest)
            {
                yield return (folder, newest);
            }
        }
    }

    /// <summary>
    /// The newest write time of <paramref name="folder"/> and every file below it, or null when the folder is gone: another
    /// instance on the same inbox (or the PACS) may move it away between the listing and this read.
    /// </summary>
    public static DateTime? NewestWriteIn(string folder)
    {
        try
        {
            var newest = Directory.GetLastWriteTimeUtc(folder);
            foreach (var file in Directory.EnumerateFiles(folder, "*", Recursive))
            {
                var t = File.GetLastWriteTimeUtc(file);
                newest = t > newest ? t : newest;
            }
            return Directory.Exists(folder) ? newest : null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The files directly in <paramref name="watchedFolder"/>, in ordinal order.</summary>
    public static IReadOnlyList<string> LooseFiles(string watchedFolder) => Directory.Exists(watchedFolder)
        ? [.. Directory.EnumerateFiles(watchedFolder, "*", TopLevel).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The newest write time of the loose files, or null when there are none.</summary>
    public static DateTime? NewestWrite(IEnumerable<string> files)
    {
        DateTime? newest = null;
        foreach (var file in files)
        {
            var t = File.GetLastWriteTimeUtc(file);
            newest = newest is null || t > newest ? t : newest;
        }
        return newest;
    }

    private static (string Root, string? Relative) Relative(string watchedFolder, string changedPath)
    {
        var root = Path.GetFullPath(watchedFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(changedPath);
        return full.StartsWith(root, StringComparison.Ordinal) ? (root, full[root.Length..]) : (root, null);
    }
}
