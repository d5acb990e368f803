using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Cli.Routing;

/// <summary>A routed batch: every series' decision and one batch request per pipeline.</summary>
internal sealed record RoutedBatchPlan(IReadOnlyList<SeriesRoute> Routes, IReadOnlyList<BatchRequest> Requests)
{
    /// <summary>Series a rule (or Routing:IgnoreUnmatched) left out.</summary>
    public IReadOnlyList<SeriesRoute> Ignored => [.. Routes.Where(r => r.Decision.Ignored)];
}
