namespace PipelineSeg.Pipeline.Intake;

/// <summary>Input that cannot be processed: a broken file or a series that is not a usable volume.</summary>
/// <param name="Name">Series key (Series Instance UID, with #n for split stacks) or file name.</param>
/// <param name="Reason">Why, naming the file or series and the cause.</param>
/// <param name="Files">The files concerned.</param>
public sealed record IntakeRejection(string Name, string Reason, IReadOnlyList<string> Files);
