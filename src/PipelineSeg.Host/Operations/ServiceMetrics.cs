using Prometheus;
using PipelineSeg.Jobs;
using PipelineSeg.Pipeline.Models;

namespace PipelineSeg.Host.Operations;

/// <summary>
/// The Prometheus metrics of <c>serve</c>, in a registry of its own (not prometheus-net's static default, so two hosts in
/// one process — tests — do not share counters). Counters and the histogram are fed as this instance finishes jobs
/// (<see cref="MetricsJobObserver"/>); gauges that mirror state (the journal, shared by every instance, and the plugins)
/// are read when Prometheus scrapes.
/// </summary>
internal sealed class ServiceMetrics
{
    private readonly Gauge _jobsByState;
    private readonly Counter _jobs;
    private readonly Counter _series;
    private readonly Counter _slices;
    private readonly Gauge _slicesPerSecond;
    private readonly Histogram _jobDuration;
    private readonly Gauge _queueDepth;
    private readonly Gauge _pluginFailures;
    private readonly Gauge _modelsLoaded;

    public ServiceMetrics(IJobJournal journal, IModelProvider models)
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _jobsByState = factory.CreateGauge("pipelineseg_jobs", "Jobs in the journal by state (queued, running, succeeded, failed).", ["state"]);
        _jobs = factory.CreateCounter("pipelineseg_jobs_total", "Jobs this instance finished, by outcome (succeeded, failed).", ["outcome"]);
        _series = factory.CreateCounter("pipelineseg_series_total", "Series of processed jobs, by status (succeeded, failed, skipped).", ["status"]);
        _slices = factory.CreateCounter("pipelineseg_slices_processed_total", "Slices of successfully segmented series; rate() gives slices/s.");
        _slicesPerSecond = factory.CreateGauge("pipelineseg_slices_per_second", "Throughput of the latest processed job: its segmented slices over its wall time.");
        _jobDuration = factory.CreateHistogram("pipelineseg_job_duration_seconds", "Wall time of processed jobs (whole batch of one input).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.5, 2, 14) });
        _queueDepth = factory.CreateGauge("pipelineseg_queue_depth", "Jobs waiting to be claimed (queued in the journal).");
        _pluginFailures = factory.CreateGauge("pipelineseg_plugin_failures", "Model plugins refused at load (bad manifest, hash, contract version).");
        _modelsLoaded = factory.CreateGauge("pipelineseg_models_loaded", "Models the loaded plugins serve.");
        Registry.AddBeforeCollectCallback(async cancellationToken =>
        {
            var jobs = await journal.ListAsync(null, cancellationToken).ConfigureAwait(false);
            foreach (var state in Enum.GetValues<JobState>())
            {
                _jobsByState.WithLabels(JobStates.Name(state)).Set(jobs.Count(j => j.State == state));
            }
            _queueDepth.Set(jobs.Count(j => j.State == JobState.Queued));
            _pluginFailures.Set((await models.FailuresAsync(cancellationToken).ConfigureAwait(false)).Count);
            _modelsLoaded.Set((await models.ListAsync(cancellationToken).ConfigureAwait(false)).Count);
        });
    }

    /// <summary>What <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>A job failed for good.</summary>
    public void JobFailed() => _jobs.WithLabels("failed").Inc();

    /// <summary>A job succeeded: counts its series and slices and observes its duration.</summary>
    public void JobSucceeded(int succeeded, int failed, int skipped, long slices, TimeSpan elapsed)
    {
        _jobs.WithLabels("succeeded").Inc();
        _series.WithLabels("succeeded").Inc(succeeded);
        _series.WithLabels("failed").Inc(failed);
        _series.WithLabels("skipped").Inc(skipped);
        _slices.Inc(slices);
        _jobDuration.Observe(elapsed.TotalSeconds);
        if (elapsed > TimeSpan.Zero && slices > 0)
        {
            _slicesPerSecond.Set(slices / elapsed.TotalSeconds);
        }
    }
}
