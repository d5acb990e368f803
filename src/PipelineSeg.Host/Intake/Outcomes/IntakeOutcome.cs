using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Intake.Outcomes;

/// <summary>The outcome of one item.</summary>
/// <param name="Kind">Processed, skipped or failed.</param>
/// <param name="OutputFolder">Where its results are (or would have gone).</param>
/// <param name="Reason">Why it was skipped or failed; null when processed.</param>
/// <param name="Result">The batch result when processed.</param>
internal sealed record IntakeOutcome(IntakeOutcomeKind Kind, string OutputFolder, string? Reason, BatchResult? Result)
{
    /// <summary>The batch ran.</summary>
    public static IntakeOutcome Processed(string outputFolder, BatchResult result) => new(IntakeOutcomeKind.Processed, outputFolder, null, result);

    /// <summary>Not processed, for <paramref name="reason"/>.</summary>
    public static IntakeOutcome Skipped(string outputFolder, string reason) => new(IntakeOutcomeKind.Skipped, outputFolder, reason, null);

    /// <summary>The job failed, for <paramref name="reason"/>.</summary>
    public static IntakeOutcome Failed(string outputFolder, string reason) => new(IntakeOutcomeKind.Failed, outputFolder, reason, null);
}
