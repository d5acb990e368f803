namespace PipelineSeg.Host.Hosting;

/// <summary>Maps files in a watched folder to the export folder they belong to, and lists export folders for rescans.</summary>
internal static class FolderScanner
{
    /// <summary>
    /// The export folder for a changed path: the first-level subfolder of <paramref name="watchedFolder"/> that contains
    /// it (PACS writes one folder per export); null for files directly in the watched folder or outside it.
    /// </summary>
    public static string? ExportFolderOf(string watchedFolder, string changedPath)
    {
        var root = Path.GetFullPath(watchedFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(changedPath);
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }
        var relative = full[root.Length..];
        var separator = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var first = separator < 0 ? relative : relative[..separator];
        var candidate = Path.Combine(root, first);
        return first.Length > 0 && (separator >= 0 || Directory.Exists(candidate)) ? candidate : null;
    }

    /// <summary>Every export folder with the newest write time of any file in it (for the periodic rescan).</summary>
    public static IEnumerable<(string Folder, DateTime LastWriteUtc)> ExportFolders(string watchedFolder)
    {
        if (!Directory.Exists(watchedFolder))
        {
            yield break;
        }
        foreach (var folder in Directory.EnumerateDirectories(watchedFolder))
        {
            var newest = Directory.GetLastWriteTimeUtc(folder);
            foreach (var file in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
            {
                var t = File.GetLastWriteTimeUtc(file);
                newest = t > newest ? t : newest;
            }
            yield return (folder, newest);
        }
    }
}
