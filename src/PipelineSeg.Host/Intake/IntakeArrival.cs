namespace PipelineSeg.Host.Intake;

/// <summary>A source that has settled and is queued for processing.</summary>
/// <param name="Source">Where the input arrived.</param>
/// <param name="Stamp">Last change seen when it was queued (a later change queues it again).</param>
internal sealed record IntakeArrival(IntakeSource Source, DateTime Stamp);
