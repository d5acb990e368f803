using Microsoft.Extensions.Hosting;
using PipelineSeg.Host.Composition;

namespace PipelineSeg.Host.Cli;

/// <summary>What every command needs from the process: where to write, and how to build a configured host.</summary>
/// <param name="Out">Standard output (results, JSON).</param>
/// <param name="Error">Standard error (diagnostics, problems).</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error)
{
    /// <summary>Standard output is the process's console and a terminal (not redirected): a live progress display may be drawn.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>
    /// A host builder with configuration (config/appsettings.json next to the binary, then <paramref name="configFile"/>,
    /// then PIPELINESEG_* environment variables, then <paramref name="overrides"/>), logging to standard error and all
    /// options registered with start-up validation.
    /// </summary>
    public HostApplicationBuilder CreateHostBuilder(string? configFile, IReadOnlyDictionary<string, string?>? overrides = null, bool verbose = false) =>
        PipelineSegHostBuilder.Create(configFile, overrides, verbose);
}
