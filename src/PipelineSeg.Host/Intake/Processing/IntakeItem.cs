namespace PipelineSeg.Host.Intake.Processing;

/// <summary>One unit of work: an export folder, or the loose files of one series; processed like one <c>batch</c>.</summary>
/// <param name="Id">Short id (output folder name, log name); never derived readably from the input's name.</param>
/// <param name="Source">Where it arrived.</param>
/// <param name="Files">The loose files of this item; null for an export folder (the whole folder is the input).</param>
/// <param name="Stamp">Newest change of the input: output newer than this means the item is done.</param>
internal sealed record IntakeItem(string Id, IntakeSource Source, IReadOnlyList<string>? Files, DateTime Stamp);
