using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Cli.Progress;

/// <summary>--quiet: the work runs and nothing about its progress is written.</summary>
internal sealed class SilentProgress : IProgressDisplay
{
    /// <inheritdoc />
    public Task<T> RunAsync<T>(string title, Func<IProgress<WorkProgress>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work(new Progress<WorkProgress>());
    }
}
