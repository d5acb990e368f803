using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Hosting;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Cli;

/// <summary><c>pipelineseg serve</c>: watches the configured folders and processes exports as they settle.</summary>
internal sealed class ServeCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var command = new Command("serve", "Run the service: watch Intake:WatchFolders, segment settled exports, run scheduled jobs; Ctrl+C/SIGTERM stop gracefully");
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(context, parse, null,
            b => b.AddPipelineSegProcessing().AddPipelineSegService(),
            async (host, ct) =>
            {
                var intake = host.Services.GetRequiredService<IOptions<IntakeOptions>>().Value;
                if (intake.WatchFolders.Count == 0)
                {
                    await context.Error.WriteLineAsync("configuration error: Intake:WatchFolders is empty; serve needs at least one watched folder").ConfigureAwait(false);
                    return ExitCodes.UsageOrConfiguration;
                }
                var logger = host.Services.GetRequiredService<ILogger<ServeCommand>>();
                host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted
                    .Register(() => HostLog.ServiceStarted(logger, intake.WatchFolders.Count));
                // Runs until Ctrl+C/SIGTERM cancels the token, then stops the hosted services (jobs finish first).
                await host.RunAsync(ct).ConfigureAwait(false);
                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }
}
