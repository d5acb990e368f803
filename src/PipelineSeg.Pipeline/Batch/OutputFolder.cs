namespace PipelineSeg.Pipeline.Batch;

/// <summary>Result folders are made (and proven writable) before a series is processed, so that an output-side problem
/// is reported as such and never blamed on the input.</summary>
internal static class OutputFolder
{
    private const string ProbeName = ".pipelineseg-write-test";

    /// <summary>Creates <paramref name="folder"/> and writes a probe file; returns the reason when that fails, or null.</summary>
    public static string? Prepare(string folder)
    {
        try
        {
            if (File.Exists(folder))
            {
                return $"output folder '{folder}' is blocked by a file of that name";
            }
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, ProbeName);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"output folder '{folder}' cannot be written: {e.Message}";
        }
    }

    /// <summary>A file-system error that names a path inside <paramref name="folder"/>: the results could not be written.</summary>
    public static bool IsWriteFailure(Exception e, string folder) =>
        e is IOException or UnauthorizedAccessException && e is not FileNotFoundException && e.Message.Contains(folder, StringComparison.Ordinal);
}
