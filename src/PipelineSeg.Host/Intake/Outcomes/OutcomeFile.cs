using System.Text.Json;
using PipelineSeg.Host.Intake.Processing;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Intake.Outcomes;

/// <summary>
/// Appends every outcome to <c>state/outcomes.jsonl</c> in the data directory: the one place that maps an id back to
/// its input (path relative to the watched folder), so results can be found without input names in logs or outputs.
/// The data directory is service state, kept like the inputs themselves; a journal replaces this file later.
/// </summary>
internal sealed class OutcomeFile(ServiceDirectories directories, TimeProvider time) : IIntakeOutcomes
{
    /// <summary>File name under <c>state/</c>.</summary>
    public const string FileName = "outcomes.jsonl";

    // One JSON object per line: the report conventions (camelCase, nulls left out), not indented.
    private static readonly JsonSerializerOptions LineOptions = new(ReportJson.Options) { WriteIndented = false };

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask RecordAsync(IntakeItem item, IntakeOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(outcome);
        var record = new
        {
            Utc = time.GetUtcNow(),
            item.Id,
            WatchFolder = item.Source.WatchRoot,
            Input = Path.GetRelativePath(item.Source.WatchRoot, item.Source.Path),
            Files = item.Files?.Select(f => Path.GetRelativePath(item.Source.WatchRoot, f)).ToArray(),
            Outcome = outcome.Kind.ToString().ToLowerInvariant(),
            outcome.Reason,
            Output = outcome.OutputFolder,
            Segmented = outcome.Result?.Succeeded,
            Quarantined = outcome.Result?.Failed,
            Skipped = outcome.Result?.Skipped,
        };
        var line = JsonSerializer.Serialize(record, LineOptions) + "\n";
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(Path.Combine(directories.State, FileName), line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
