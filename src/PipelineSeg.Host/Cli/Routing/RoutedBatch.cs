using Microsoft.Extensions.Options;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Intake.Routing;
using PipelineSeg.Host.Options;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Routing;

namespace PipelineSeg.Host.Cli.Routing;

/// <summary>
/// <c>batch</c> with <c>Routing:Rules</c> (and no <c>--pipeline</c>): one batch run per pipeline the rules name, each over
/// its own series and into <c>&lt;output&gt;/&lt;pipeline&gt;/</c>; every decision (ignored series included) is recorded
/// in <c>&lt;output&gt;/routing.json</c>. Unreadable input is quarantined by the first run only.
/// </summary>
internal sealed class RoutedBatch(BatchRequestFactory factory, IOptions<RoutingOptions> routing, IOptions<InferenceOptions> inference)
{
    /// <summary>The routing record in the output folder.</summary>
    public const string RecordFileName = "routing.json";

    /// <summary>True when rules apply to a batch that names no pipeline.</summary>
    public bool AppliesTo(string? pipeline) => routing.Value.Enabled && string.IsNullOrWhiteSpace(pipeline);

    /// <summary>
    /// Routes every series under <paramref name="input"/>, writes the record and returns the runs to make. Throws
    /// <see cref="KeyNotFoundException"/> like <see cref="BatchRequestFactory.Create"/> for an unknown output.
    /// </summary>
    public async Task<RoutedBatchPlan> PlanAsync(string input, string output, IReadOnlyList<string>? outputs, CancellationToken cancellationToken)
    {
        var router = routing.Value.CreateRouter(inference.Value.DefaultPipeline);
        var routes = await SeriesRoutes.ScanAsync(router, input, null, cancellationToken).ConfigureAwait(false);
        var pipelines = routes.SelectMany(r => r.Decision.Pipelines).Distinct(StringComparer.Ordinal).ToList();
        if (pipelines.Count == 0)
        {
            // Nothing to segment (all ignored, or no readable series): one run still reports and quarantines bad input.
            pipelines.Add(inference.Value.DefaultPipeline);
        }
        var requests = pipelines.Select((pipeline, i) => factory.Create(input, Path.Combine(output, RoutedWork.Folder(pipeline)), pipeline, outputs) with
        {
            Selects = series => router.Route(SeriesAttributesReader.Read(series)).Pipelines.Contains(pipeline, StringComparer.Ordinal),
            ReportsInputProblems = i == 0,
        }).ToList();
        Directory.CreateDirectory(output);
        await ReportJson.WriteAsync(Path.Combine(output, RecordFileName), routes, cancellationToken).ConfigureAwait(false);
        return new RoutedBatchPlan(routes, requests);
    }
}
