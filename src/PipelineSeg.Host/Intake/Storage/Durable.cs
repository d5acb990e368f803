namespace PipelineSeg.Host.Intake.Storage;

/// <summary>
/// File-system steps whose order the crash recovery relies on: renames (atomic on one file system), files flushed to
/// disk before they are renamed into place, and removal of temporary trees.
/// </summary>
internal static class Durable
{
    /// <summary>Flushes every file under <paramref name="folder"/> to disk (fsync), so a rename never publishes a half-written file.</summary>
    public static void FlushTree(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> via a temporary file: flushed, then renamed over.</summary>
    public static void WriteText(string path, string text)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Moves a file into <paramref name="folder"/> keeping its name, or with " (n)" added when that name is taken.</summary>
    public static string MoveFileInto(string file, string folder)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var extension = Path.GetExtension(file);
        var target = Path.Combine(folder, Path.GetFileName(file));
        for (var n = 2; File.Exists(target) || Directory.Exists(target); n++)
        {
            target = Path.Combine(folder, $"{name} ({n}){extension}");
        }
        File.Move(file, target);
        return target;
    }

    /// <summary>Deletes a file or folder tree when present.</summary>
    public static void Remove(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
