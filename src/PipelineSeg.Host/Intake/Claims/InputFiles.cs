namespace PipelineSeg.Host.Intake.Claims;

/// <summary>Every file of a claimed input, hidden ones included (the split step parks files in hidden subfolders).</summary>
internal static class InputFiles
{
    private static readonly EnumerationOptions All = new() { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 };

    /// <summary>The files under <paramref name="folder"/>, absolute.</summary>
    public static IReadOnlyList<string> Under(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*", All)] : [];
}
