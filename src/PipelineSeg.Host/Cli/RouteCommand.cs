using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Cli.Routing;
using PipelineSeg.Host.Options;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Cli;

/// <summary><c>pipelineseg route --input DIR [--json]</c>: which routing rule each series matches and why (headers only).</summary>
internal sealed class RouteCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var input = CliOptions.ExistingInput("DICOM folder (scanned recursively) or file", folderOnly: false);
        var callingAe = new Option<string?>("--calling-ae")
        {
            Description = "Calling AE title to assume for CallingAeTitle conditions (known only for series received over the network)",
            HelpName = "title",
        };
        var json = CliOptions.Json();
        var command = new Command("route", "Explain, per series, which Routing:Rules rule matched (each condition with the value seen) "
            + "and which pipelines it gets or that it is ignored. Reads headers only; prints no patient identifiers. Exit code 1 when no series is found.")
        {
            input, callingAe, json,
        };
        command.SetAction((parse, cancellationToken) =>
            CommandHost.RunAsync(context, parse, null, _ => { }, async (host, ct) =>
            {
                var options = host.Services.GetRequiredService<IOptions<RoutingOptions>>().Value;
                var router = options.CreateRouter(host.Services.GetRequiredService<IOptions<InferenceOptions>>().Value.DefaultPipeline);
                var routes = await SeriesRoutes.ScanAsync(router, Path.GetFullPath(parse.GetRequiredValue(input)), parse.GetValue(callingAe), ct).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    await context.Out.WriteLineAsync(JsonSerializer.Serialize(routes, ReportJson.Options)).ConfigureAwait(false);
                }
                else
                {
                    await RouteText.WriteAsync(context.Out, routes, options.Enabled).ConfigureAwait(false);
                }
                if (routes.Count == 0)
                {
                    await context.Error.WriteLineAsync("no DICOM series found").ConfigureAwait(false);
                    return ExitCodes.InputsFailed;
                }
                return ExitCodes.Ok;
            }, cancellationToken));
        return command;
    }
}
