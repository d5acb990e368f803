using PipelineSeg.Host.Intake.Storage;

namespace PipelineSeg.Host.Intake.Processing;

/// <summary>
/// Stages an item under <c>work/&lt;id&gt;</c> for the batch: an export folder as a link to it, loose files as links
/// with neutral names (0001.dcm, …). The batch then sees only the id in its paths, never an input name, and a series
/// of loose files is processed on its own. Links only: inputs are never moved or changed (copies where links fail).
/// </summary>
internal sealed class WorkArea(ServiceDirectories directories)
{
    /// <summary>Stages <paramref name="item"/>; dispose the result to remove the staging (never the input).</summary>
    public StagedInput Stage(IntakeItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var path = Path.Combine(directories.Work, item.Id);
        Remove(path);
        Directory.CreateDirectory(directories.Work);
        if (item.Files is null)
        {
            try
            {
                Directory.CreateSymbolicLink(path, item.Source.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                // No links here (some Windows accounts): process the folder in place rather than copy a whole export.
                return new StagedInput(item.Source.Path, null);
            }
            return new StagedInput(path, path);
        }
        Directory.CreateDirectory(path);
        for (var i = 0; i < item.Files.Count; i++)
        {
            var file = item.Files[i];
            var staged = Path.Combine(path, $"{i + 1:D4}{Path.GetExtension(file)}");
            try
            {
                File.CreateSymbolicLink(staged, file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                File.Copy(file, staged);
            }
        }
        return new StagedInput(path, path);
    }

    /// <summary>Removes what an earlier run left in the work folder (a crash or a kill mid-job).</summary>
    public void Clear()
    {
        if (Directory.Exists(directories.Work))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(directories.Work))
            {
                Remove(entry);
            }
        }
    }

    /// <summary>
    /// Deletes a staged entry: a link is unlinked (its target, the input, stays); a staging folder holds only links
    /// or copies, and a recursive delete unlinks links without following them.
    /// </summary>
    internal static void Remove(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            File.Delete(path);
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (info.Exists)
        {
            File.Delete(path);
        }
    }
}
