namespace PipelineSeg.Host.Intake.Claims;

/// <summary>The files of one job: one image series with the objects that belong to it, or files of no series.</summary>
/// <param name="SeriesInstanceUids">The series in the group (empty for files of no readable series).</param>
/// <param name="Files">Absolute paths.</param>
internal sealed record SeriesGroup(IReadOnlyList<string> SeriesInstanceUids, IReadOnlyList<string> Files);
