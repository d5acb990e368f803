using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Cli.Progress;

/// <summary>Shows how far a command has got while <c>work</c> runs: a live display on a terminal, log lines elsewhere, or nothing.</summary>
internal interface IProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, which reports to the progress it is given.</summary>
    Task<T> RunAsync<T>(string title, Func<IProgress<WorkProgress>, Task<T>> work);
}
