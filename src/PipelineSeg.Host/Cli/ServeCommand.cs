using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Network;
using PipelineSeg.Host.Operations;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Cli;

/// <summary>
/// <c>pipelineseg serve</c>: watches the configured folders and processes inputs as they settle. The quick-start
/// flags (<c>--inbox</c>, <c>--output</c>, …) define the first watched folder without a configuration file.
/// </summary>
internal sealed class ServeCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var inbox = new Option<DirectoryInfo?>("--inbox") { Description = "Quick start: folder to watch (sets Intake:WatchFolders:0:Path; needs --output)" };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "Quick start: folder for one result folder per job (sets Intake:WatchFolders:0:Output; needs --inbox)" };
        var quiet = new Option<int?>("--quiet-seconds") { Description = "Seconds without a new file before an input is processed (sets Intake:SettleTime; default 10)" };
        var pipeline = new Option<string?>("--pipeline", "-p") { Description = "Pipeline for the --inbox folder (default: Inference:DefaultPipeline)" };
        var dicomPort = new Option<int?>("--dicom-port") { Description = "Quick start: receive series with DICOM C-STORE on this port (sets DicomListener:Port; bound to 127.0.0.1 unless DicomListener:BindAddress says otherwise)" };
        var aeTitle = new Option<string?>("--ae-title") { Description = "Quick start: AE title of the DICOM listener (sets DicomListener:AeTitle; default PIPELINESEG)" };
        var backend = CliOptions.Backend();
        var device = CliOptions.Device();
        var precision = CliOptions.Precision();
        var sendTo = new Option<string[]>("--send-to") { Description = "Quick start: send each result with C-STORE to AE@host:port (repeatable; adds a Delivery:Destinations entry)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("serve", "Run the service: watch Intake:WatchFolders (or --inbox), segment each export folder or series of dropped files "
            + "once it settles, write health to Service:DataDirectory; Ctrl+C/SIGTERM stop gracefully. See docs/service.md")
        {
            inbox, output, quiet, pipeline, dicomPort, aeTitle, sendTo, backend, device, precision,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (overrides, usage) = QuickStart(parse.GetValue(inbox), parse.GetValue(output), parse.GetValue(quiet), parse.GetValue(pipeline));
            usage ??= NetworkQuickStart.Apply(overrides, parse.GetValue(dicomPort), parse.GetValue(aeTitle), parse.GetValue(sendTo));
            if (usage is not null)
            {
                await context.Error.WriteLineAsync($"usage error: {usage}").ConfigureAwait(false);
                return ExitCodes.UsageOrConfiguration;
            }
            CliOptions.AddExecutionOverrides(parse, backend, device, precision, overrides);
            return await CommandHost.RunAsync(context, parse, overrides,
                b => b.AddPipelineSegProcessing().AddPipelineSegService().AddPipelineSegNetwork().AddPipelineSegOperations(),
                (host, ct) => ServeAsync(context, host, ct),
                cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Configuration overrides for the quick-start flags, or a usage problem.</summary>
    internal static (Dictionary<string, string?> Overrides, string? Usage) QuickStart(DirectoryInfo? inbox, DirectoryInfo? output, int? quietSeconds, string? pipeline)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if ((inbox is null) != (output is null))
        {
            return (overrides, "--inbox and --output go together (the folder to watch and where its results go)");
        }
        if (pipeline is not null && inbox is null)
        {
            return (overrides, "--pipeline names the pipeline of the --inbox folder; give --inbox and --output too (or set Pipeline in the watch folder entry)");
        }
        if (quietSeconds is < 0 or > 3600)
        {
            return (overrides, "--quiet-seconds must be between 0 and 3600");
        }
        const string first = $"{IntakeOptions.Section}:WatchFolders:0:";
        if (inbox is not null && output is not null)
        {
            // Relative flags mean the working directory (configuration files resolve against the application folder).
            overrides[first + nameof(WatchFolderOptions.Path)] = Path.GetFullPath(inbox.FullName);
            overrides[first + nameof(WatchFolderOptions.Output)] = Path.GetFullPath(output.FullName);
            overrides[first + nameof(WatchFolderOptions.Pipeline)] = pipeline ?? string.Empty;
        }
        if (quietSeconds is { } seconds)
        {
            overrides[$"{IntakeOptions.Section}:{nameof(IntakeOptions.SettleTime)}"] = TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
        }
        return (overrides, null);
    }

    private static async Task<int> ServeAsync(CliContext context, IHost host, CancellationToken cancellationToken)
    {
        var intake = host.Services.GetRequiredService<IOptions<IntakeOptions>>().Value;
        if (intake.WatchFolders.Count == 0)
        {
            await context.Error.WriteLineAsync("configuration error: no watched folder: give --inbox DIR --output DIR, or add an entry "
                + "{ \"Path\": \"/data/inbox\", \"Output\": \"/data/results\" } to Intake:WatchFolders (see docs/service.md)").ConfigureAwait(false);
            return ExitCodes.UsageOrConfiguration;
        }
        var logger = host.Services.GetRequiredService<ILogger<ServeCommand>>();
        var data = host.Services.GetRequiredService<ServiceDirectories>().Data;
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted
            .Register(() => IntakeLog.ServiceStarted(logger, intake.WatchFolders.Count, data));
        try
        {
            // Runs until Ctrl+C/SIGTERM cancels the token, then stops the hosted services (an item in progress is cancelled
            // and, having no batch-summary.json, processed again at the next start).
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Raised by the start-up step that creates the folders (a read-only share, a file where a folder should be).
            await context.Error.WriteLineAsync($"configuration error: cannot prepare the service folders: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfiguration;
        }
        catch (OperationsEndpointException e)
        {
            await context.Error.WriteLineAsync($"configuration error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfiguration;
        }
        return ExitCodes.Ok;
    }
}
