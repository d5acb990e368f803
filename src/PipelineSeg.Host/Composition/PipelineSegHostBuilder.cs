using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PipelineSeg.Host.Composition;

/// <summary>Creates the configured host builder every command starts from.</summary>
internal static class PipelineSegHostBuilder
{
    /// <summary>Environment variable prefix for configuration overrides, e.g. PIPELINESEG_Plugins__Directory.</summary>
    public const string EnvironmentPrefix = "PIPELINESEG_";

    /// <summary>config/appsettings.json next to the binary (the Host project copies config/** there).</summary>
    public static string DefaultConfigFile => Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json");

    /// <summary>
    /// Configuration layers (later wins): config/appsettings.json, <paramref name="configFile"/>, environment,
    /// <paramref name="overrides"/> (command-line options). Logs go to standard error so standard output stays clean.
    /// </summary>
    /// <exception cref="FileNotFoundException">A configuration file is missing.</exception>
    /// <exception cref="InvalidDataException">The console log format is unknown.</exception>
    public static HostApplicationBuilder Create(string? configFile, IReadOnlyDictionary<string, string?>? overrides, bool verbose)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "pipelineseg",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        RequireFile(DefaultConfigFile);
        builder.Configuration.AddJsonFile(DefaultConfigFile, optional: false, reloadOnChange: false);
        if (configFile is not null)
        {
            var full = Path.GetFullPath(configFile);
            RequireFile(full);
            builder.Configuration.AddJsonFile(full, optional: false, reloadOnChange: false);
        }
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        ConsoleLogging.Add(builder);
        if (verbose)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        }
        builder.AddPipelineSegOptions();
        return builder;
    }

    private static void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"configuration file not found: {path}", path);
        }
    }
}
