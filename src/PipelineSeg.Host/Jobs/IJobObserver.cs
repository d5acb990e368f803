using PipelineSeg.Jobs;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Jobs;

/// <summary>Told when this instance finishes a job (after the journal recorded it); metrics listen here.</summary>
internal interface IJobObserver
{
    /// <summary><paramref name="job"/> succeeded with <paramref name="result"/> after <paramref name="elapsed"/>.</summary>
    void Succeeded(JobRecord job, BatchResult result, TimeSpan elapsed);

    /// <summary><paramref name="job"/> failed for good.</summary>
    void Failed(JobRecord job);
}
