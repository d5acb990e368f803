using PipelineSeg.Host.Jobs;
using PipelineSeg.Jobs;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Operations;

/// <summary>Feeds <see cref="ServiceMetrics"/> from every job this instance finishes.</summary>
internal sealed class MetricsJobObserver(ServiceMetrics metrics) : IJobObserver
{
    public void Succeeded(JobRecord job, BatchResult result, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(result);
        var slices = result.Series.Where(s => s.Status == SeriesStatus.Succeeded).Sum(s => (long)(s.Report?.Series.Slices ?? 0));
        metrics.JobSucceeded(result.Succeeded, result.Failed, result.Skipped, slices, elapsed);
    }

    public void Failed(JobRecord job) => metrics.JobFailed();
}
