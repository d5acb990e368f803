using System.CommandLine;
using System.Reflection;
using PipelineSeg.Host.Cli.Versioning;

namespace PipelineSeg.Host.Cli;

/// <summary>Builds the <c>pipelineseg</c> command tree and maps parse failures to exit code 2.</summary>
internal static class CliApplication
{
    /// <summary>The root command with every <see cref="ICliCommand"/> of this assembly, ordered by name.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("PipelineSeg: segments CT series exported from PACS with plugin models and writes DICOM-SEG plus reports.\n"
            + ExitCodes.Help);
        root.Options.Add(GlobalOptions.Config);
        root.Options.Add(GlobalOptions.Verbose);
        root.Options.Add(GlobalOptions.Quiet);
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction(context.Out);
        var commands = typeof(CliApplication).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t))
            .Select(t => ((ICliCommand)Activator.CreateInstance(t)!).Build(context))
            .OrderBy(c => c.Name, StringComparer.Ordinal);
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    /// <summary>Parses and runs; usage errors print the problem and a hint to standard error and return 2.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error) { OutputIsTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected };
        var root = BuildRoot(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            }
            var path = string.Join(' ', parsed.CommandResult.Command is RootCommand ? ["pipelineseg"] : new[] { "pipelineseg", parsed.CommandResult.Command.Name });
            await error.WriteLineAsync($"run '{path} --help' for usage").ConfigureAwait(false);
            return ExitCodes.UsageOrConfiguration;
        }
        // Ctrl+C and SIGTERM cancel the action's token; a graceful stop (jobs finishing) gets this long before the process is ended.
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
        };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.InputsFailed;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The one place that catches what a command did not: a message naming the cause, never a crash or a
            // stack trace (that only with --verbose). The commands report input problems themselves.
            await error.WriteLineAsync($"error: {CliErrors.Describe(e)}").ConfigureAwait(false);
            if (parsed.GetValue(GlobalOptions.Verbose))
            {
                await error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }
            return ExitCodes.InputsFailed;
        }
    }

    /// <summary>Version text for reports: the informational version of this assembly.</summary>
    public static string Version =>
        typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
