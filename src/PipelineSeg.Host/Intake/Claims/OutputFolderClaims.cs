using System.Globalization;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Intake.Processing;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Intake.Claims;

/// <summary>
/// Claims by looking at the output: an item whose <c>&lt;output&gt;/&lt;id&gt;/batch-summary.json</c> is newer than its
/// newest input file is done (so a restart does not process everything again); otherwise it is processed.
/// </summary>
internal sealed class OutputFolderClaims : IIntakeClaims
{
    public ValueTask<IntakeClaim> ClaimAsync(IntakeItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var output = Path.Combine(AppPaths.Resolve(item.Source.Watch.Output), item.Id);
        var summary = Path.Combine(output, BatchProcessor.SummaryFileName);
        if (File.Exists(summary))
        {
            var written = File.GetLastWriteTimeUtc(summary);
            if (written >= item.Stamp)
            {
                return ValueTask.FromResult(IntakeClaim.Refuse(output, string.Create(CultureInfo.InvariantCulture,
                    $"already processed: {BatchProcessor.SummaryFileName} of {written:u} is newer than the newest input file ({item.Stamp:u})")));
            }
        }
        return ValueTask.FromResult(IntakeClaim.Grant(output));
    }
}
