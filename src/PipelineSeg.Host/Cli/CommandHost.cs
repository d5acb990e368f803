using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PipelineSeg.Host.Cli;

/// <summary>
/// Runs a command inside a configured host: builds it, validates every option at start-up, and turns configuration
/// problems into exit code 2 with the message on standard error.
/// </summary>
internal static class CommandHost
{
    /// <summary>Builds, validates and runs; <paramref name="run"/> returns the exit code.</summary>
    public static async Task<int> RunAsync(CliContext context, ParseResult parse, IReadOnlyDictionary<string, string?>? overrides,
        Action<HostApplicationBuilder> configure, Func<IHost, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(run);
        IHost host;
        try
        {
            var builder = context.CreateHostBuilder(parse.GetValue(GlobalOptions.Config)?.FullName, overrides, parse.GetValue(GlobalOptions.Verbose));
            configure(builder);
            host = builder.Build();
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception e) when (IsConfigurationError(e))
        {
            await context.Error.WriteLineAsync($"configuration error: {Describe(e)}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfiguration;
        }
        using (host)
        {
            return await run(host, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsConfigurationError(Exception e) => e is AggregateException a
        ? a.Flatten().InnerExceptions.All(IsConfigurationError)
        : e is OptionsValidationException or FileNotFoundException or InvalidDataException or FormatException or JsonException
            or InvalidOperationException;

    // Start-up validation aggregates every failing options class; one option read by another's validator fails twice.
    private static string Describe(Exception e) => e switch
    {
        AggregateException a => string.Join("; ", a.Flatten().InnerExceptions.Select(Describe).SelectMany(m => m.Split("; ")).Distinct(StringComparer.Ordinal)),
        OptionsValidationException v => string.Join("; ", v.Failures),
        InvalidDataException { InnerException: { } inner } d => $"{d.Message} ({inner.Message})",
        _ => e.Message,
    };
}
