using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Intake.Routing;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Options;
using PipelineSeg.Jobs;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Plugins.Hosting;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// One attempt at a job: the batch reads work/&lt;name&gt; and writes into the hidden temporary folder
/// <c>&lt;Output&gt;/.tmp-&lt;name&gt;</c>; only a complete result is flushed to disk and renamed into
/// <c>&lt;Output&gt;/&lt;SeriesInstanceUID&gt;</c> (<c>&lt;Output&gt;/&lt;pipeline&gt;/&lt;SeriesInstanceUID&gt;</c> for a routed
/// job, see <see cref="RoutedWork"/>). Faults are thrown as <see cref="JobFault"/>; an attempt running past
/// <c>Jobs:Timeout</c> is cancelled and fails (not retried) naming the cause, e.g. the plugin whose forward never returned.
/// </summary>
internal sealed class JobAttempt(IServiceScopeFactory scopes, IOptions<JobsOptions> jobs)
{
    /// <summary>Runs the attempt; returns the batch result of a job whose results are in place.</summary>
    public async Task<BatchResult> RunAsync(JobRecord job, WatchLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(layout);
        var temp = layout.TempOf(job.Request.WorkName);
        var limit = jobs.Value.Timeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        BatchResult result;
        try
        {
            Durable.Remove(temp);
            await using var scope = scopes.CreateAsyncScope();
            var ids = scope.ServiceProvider.GetRequiredService<InputIds>();
            // Log lines name a series by the journal's keyed hash (as `jobs` lists it), never by its UID.
            var request = scope.ServiceProvider.GetRequiredService<BatchRequestFactory>()
                .Create(layout.WorkOf(job.Request.WorkName), temp, job.Request.Pipeline) with
                {
                    CopyQuarantinedFiles = false,
                    SeriesLogName = key => ids.ForSeriesUids([key]),
                };
            result = await scope.ServiceProvider.GetRequiredService<BatchProcessor>().RunAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new JobFault("segment", $"timed out after {limit} (Jobs:Timeout): {e.Message}", e is PluginFaultException ? "PluginTimeout" : "JobTimeout", transient: false, e);
        }
        catch (PluginFaultException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: a forward abandoned because the service stops leaves the job to be re-queued, not failed.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw JobFault.From(e, "segment");
        }
        Check(result);
        try
        {
            Publish(result, RoutedWork.ResultRoot(layout.Output, job.Request.WorkName, job.Request.Pipeline), temp);
            Durable.Remove(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw JobFault.From(e, "output");
        }
        return result;
    }

    private static void Check(BatchResult result)
    {
        var failed = result.Series.Where(s => s.Status == SeriesStatus.Failed).ToList();
        if (failed.Any(s => s.OutputFailed))
        {
            // The input is fine; the results could not be written (disk full, output share gone): worth another try.
            throw new JobFault("output", string.Join("; ", failed.Where(s => s.OutputFailed).Select(s => s.Message)), "OutputWriteFailed", transient: true);
        }
        if (failed.Count > 0)
        {
            throw new JobFault("segment", string.Join("; ", failed.Select(s => s.Message)), failed[0].ErrorType ?? "InputRejected", transient: false);
        }
        if (result.NothingFound)
        {
            throw new JobFault("segment", "no DICOM series found in the input" + (result.Ignored.Count > 0 ? $" ({result.Ignored.Count} non-DICOM file(s))" : string.Empty),
                "NoDicomSeries", transient: false);
        }
    }

    // Each result folder is flushed, then renamed into place; an older result of the same series is replaced whole.
    private static void Publish(BatchResult result, string output, string temp)
    {
        Directory.CreateDirectory(output);
        foreach (var folder in result.Series.Where(s => s.Status == SeriesStatus.Succeeded && s.OutputFolder is not null).Select(s => s.OutputFolder!))
        {
            Durable.FlushTree(folder);
            var target = Path.Combine(output, Path.GetFileName(folder));
            if (Directory.Exists(target))
            {
                var old = Path.Combine(temp, ".replaced-" + Path.GetFileName(folder));
                Durable.Remove(old);
                Directory.Move(target, old);
            }
            Directory.Move(folder, target);
        }
    }
}
