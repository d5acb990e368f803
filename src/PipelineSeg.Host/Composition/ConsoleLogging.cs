using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace PipelineSeg.Host.Composition;

/// <summary>
/// Console logs on standard error, one line per entry. <c>Logging:Console:FormatterName</c> picks the format: <c>simple</c>
/// (default, for people), <c>json</c> (one JSON object per line with the message template's values as properties, for a
/// log shipper) or <c>systemd</c> (syslog priority prefixes; chosen by itself under systemd when nothing is configured).
/// </summary>
internal static class ConsoleLogging
{
    /// <summary>The configuration key of the format.</summary>
    public const string FormatterKey = "Logging:Console:FormatterName";

    private static readonly string[] Formats = [ConsoleFormatterNames.Simple, ConsoleFormatterNames.Json, ConsoleFormatterNames.Systemd];

    /// <summary>Adds the console logger in the configured format.</summary>
    /// <exception cref="InvalidDataException">The format is none of simple, json, systemd.</exception>
    public static void Add(IHostApplicationBuilder builder)
    {
        var format = builder.Configuration[FormatterKey];
        if (!string.IsNullOrEmpty(format) && !Formats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{FormatterKey} '{format}' is not one of {string.Join(", ", Formats)}");
        }
        // AddConsole registers all three formatters; each Add*Console would also name itself the formatter, so the
        // formatter options are configured directly and the choice is made once, below.
        builder.Logging.AddConsole();
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (!string.IsNullOrEmpty(format))
        {
            // After every Configure (UseSystemd picks systemd's under systemd): a format the operator chose wins.
            var chosen = Formats.First(f => string.Equals(f, format, StringComparison.OrdinalIgnoreCase));
            builder.Services.PostConfigure<ConsoleLoggerOptions>(o => o.FormatterName = chosen);
        }
        else
        {
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Simple);
        }
    }
}
