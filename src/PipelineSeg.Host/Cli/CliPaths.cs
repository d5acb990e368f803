namespace PipelineSeg.Host.Cli;

/// <summary>Checks on the paths a command is given, so an unusable one is a message naming it, not an exception later.</summary>
internal static class CliPaths
{
    /// <summary>
    /// Creates <paramref name="path"/> as a folder when needed; returns why it cannot be used as the
    /// <paramref name="option"/> folder, or null when it can.
    /// </summary>
    public static string? PrepareFolder(string option, string path)
    {
        if (File.Exists(path))
        {
            return $"{option} '{path}' is an existing file, not a folder";
        }
        try
        {
            Directory.CreateDirectory(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{option} '{path}' cannot be created: {e.Message}";
        }
    }

    /// <summary>
    /// <see cref="PrepareFolder"/> for a command's <c>--output</c>: the full path when it can be used, else null after
    /// writing why on standard error (the command then exits with <see cref="ExitCodes.UsageOrConfiguration"/>).
    /// </summary>
    public static async Task<string?> PrepareOutputAsync(CliContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var full = Path.GetFullPath(path);
        if (PrepareFolder("--output", full) is { } unusable)
        {
            await context.Error.WriteLineAsync($"error: {unusable}").ConfigureAwait(false);
            return null;
        }
        return full;
    }

    /// <summary>Returns why <paramref name="path"/> cannot be written as the <paramref name="option"/> file, or null.</summary>
    public static string? CheckFile(string option, string path)
    {
        if (Directory.Exists(path))
        {
            return $"{option} '{path}' is an existing folder, not a file";
        }
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        return parent is not null && File.Exists(parent) ? $"{option} '{path}': '{parent}' is a file, not a folder" : null;
    }

    /// <summary>Whether <paramref name="path"/> names an existing file or folder.</summary>
    public static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}
