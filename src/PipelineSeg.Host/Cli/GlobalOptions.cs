using System.CommandLine;

namespace PipelineSeg.Host.Cli;

/// <summary>Options accepted by every command.</summary>
internal static class GlobalOptions
{
    /// <summary>An extra JSON configuration file layered over config/appsettings.json.</summary>
    public static Option<FileInfo?> Config { get; } = new("--config")
    {
        Description = "Extra JSON configuration file layered over config/appsettings.json",
        Recursive = true,
    };

    /// <summary>Debug-level logging on standard error.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log debug details to standard error",
        Recursive = true,
    };

    /// <summary>No progress display and no progress lines (batch, convert, evaluate).</summary>
    public static Option<bool> Quiet { get; } = new("--quiet")
    {
        Description = "Show no progress (batch, convert, evaluate); results and errors are still written",
        Recursive = true,
    };
}
