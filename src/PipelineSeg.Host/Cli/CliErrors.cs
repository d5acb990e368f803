namespace PipelineSeg.Host.Cli;

/// <summary>Turns an exception into the one-line reason a user reads (parallel loops' aggregates unwrapped).</summary>
internal static class CliErrors
{
    /// <summary>The distinct messages of <paramref name="e"/> (or of the exceptions it aggregates), joined by "; ".</summary>
    public static string Describe(Exception e) => e switch
    {
        AggregateException a => string.Join("; ", a.Flatten().InnerExceptions.Select(Describe).Distinct(StringComparer.Ordinal)),
        // The runtime's own messages for these do not say what kind of problem it was.
        UnauthorizedAccessException or IOException => $"cannot access a file: {e.Message}",
        _ => e.Message,
    };
}
