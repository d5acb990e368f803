using System.Text;
using PipelineSeg.Pipeline.Intake;

namespace PipelineSeg.Pipeline.Batch;

/// <summary>
/// Records input that could not be processed under &lt;output&gt;/&lt;quarantine&gt;/&lt;name&gt;/: reason.txt and,
/// optionally, copies of the files. The input is never modified, so a batch can be rerun after a fix.
/// </summary>
public static class Quarantine
{
    private const string ReasonFileName = "reason.txt";
    private const string FilesHeader = "files:";

    /// <summary>Writes the record; returns its folder.</summary>
    public static async Task<string> WriteAsync(string quarantineRoot, IntakeRejection rejection, bool copyFiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var folder = Path.Combine(quarantineRoot, SafeName(rejection.Name));
        Directory.CreateDirectory(folder);
        var text = new StringBuilder()
            .AppendLine(rejection.Reason)
            .AppendLine()
            .AppendLine(FilesHeader);
        foreach (var file in rejection.Files)
        {
            text.AppendLine(file);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, ReasonFileName), text.ToString(), cancellationToken).ConfigureAwait(false);
        if (copyFiles)
        {
            var filesFolder = Path.Combine(folder, "files");
            Directory.CreateDirectory(filesFolder);
            var index = 0;
            foreach (var file in rejection.Files.Where(File.Exists))
            {
                // Prefix with a counter: exports often reuse file names in different subfolders.
                File.Copy(file, Path.Combine(filesFolder, $"{index++:D4}_{Path.GetFileName(file)}"), overwrite: true);
            }
        }
        return folder;
    }

    /// <summary>
    /// Removes the entries of earlier runs whose input has now succeeded: the entry of a series by that name, or one
    /// whose listed files are all part of a succeeded series. Entries in <paramref name="keep"/> (this run's) stay.
    /// Returns the folders removed.
    /// </summary>
    public static IReadOnlyList<string> ClearResolved(string quarantineRoot, IEnumerable<string> succeededNames, IEnumerable<string> succeededFiles,
        IEnumerable<string> keep)
    {
        ArgumentNullException.ThrowIfNull(quarantineRoot);
        if (!Directory.Exists(quarantineRoot))
        {
            return [];
        }
        var names = succeededNames.Select(SafeName).ToHashSet(StringComparer.Ordinal);
        var files = succeededFiles.ToHashSet(StringComparer.Ordinal);
        var kept = keep.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var entry in Directory.EnumerateDirectories(quarantineRoot).Select(Path.GetFullPath).Where(e => !kept.Contains(e)).ToList())
        {
            var listed = ListedFiles(Path.Combine(entry, ReasonFileName));
            if (names.Contains(Path.GetFileName(entry)) || (listed.Count > 0 && listed.All(files.Contains)))
            {
                Directory.Delete(entry, recursive: true);
                removed.Add(entry);
            }
        }
        return removed;
    }

    /// <summary>The input files a reason.txt lists (the lines after "files:").</summary>
    private static List<string> ListedFiles(string reasonFile)
    {
        if (!File.Exists(reasonFile))
        {
            return [];
        }
        return [.. File.ReadLines(reasonFile).SkipWhile(l => l != FilesHeader).Skip(1).Where(l => l.Length > 0)];
    }

    /// <summary>A file-system-safe folder name for a series key or file name.</summary>
    public static string SafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var invalid = Path.GetInvalidFileNameChars();
        var chars = name.Select(c => invalid.Contains(c) || c == '#' ? '_' : c).ToArray();
        var safe = new string(chars).Trim('.', ' ');
        return safe.Length == 0 ? "unnamed" : safe[..Math.Min(safe.Length, 120)];
    }
}
