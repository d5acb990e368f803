using System.Text;
using PipelineSeg.Pipeline.Intake;

namespace PipelineSeg.Pipeline.Batch;

/// <summary>
/// Records input that could not be processed under &lt;output&gt;/&lt;quarantine&gt;/&lt;name&gt;/: reason.txt and,
/// optionally, copies of the files. The input is never modified, so a batch can be rerun after a fix.
/// </summary>
public static class Quarantine
{
    /// <summary>Writes the record; returns its folder.</summary>
    public static async Task<string> WriteAsync(string quarantineRoot, IntakeRejection rejection, bool copyFiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var folder = Path.Combine(quarantineRoot, SafeName(rejection.Name));
        Directory.CreateDirectory(folder);
        var text = new StringBuilder()
            .AppendLine(rejection.Reason)
            .AppendLine()
            .AppendLine("files:");
        foreach (var file in rejection.Files)
        {
            text.AppendLine(file);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "reason.txt"), text.ToString(), cancellationToken).ConfigureAwait(false);
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
