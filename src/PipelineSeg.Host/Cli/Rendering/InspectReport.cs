using PipelineSeg.Dicom;

namespace PipelineSeg.Host.Cli.Rendering;

/// <summary>What <c>inspect --json</c> prints: the series found and the files not used. No patient attributes.</summary>
internal sealed record InspectReport(string Path, IReadOnlyList<InspectedSeries> Series, IReadOnlyList<DicomSkippedFile> Skipped)
{
    public static InspectReport From(string path, DicomScanResult scan) => new(
        path,
        [.. scan.Series.Select(s => new InspectedSeries(
            s.StudyInstanceUid, s.SeriesInstanceUid, s.StackIndex, s.Modality, s.SopClassUid, s.SeriesNumber, s.SeriesDescription,
            s.Slices.Count, s.Rows, s.Columns,
            s.Geometry is { } g ? [g.Spacing.X, g.Spacing.Y, g.Spacing.Z] : null,
            s.Geometry is { } o ? [o.Origin.X, o.Origin.Y, o.Origin.Z] : null,
            s.TransferSyntaxUids, s.IsVolume, s.Problems, s.Warnings))],
        scan.Skipped);
}

/// <summary>One series (or stack) as <c>inspect</c> reports it.</summary>
internal sealed record InspectedSeries(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    int StackIndex,
    string Modality,
    string SopClassUid,
    int? SeriesNumber,
    string SeriesDescription,
    int Slices,
    int Rows,
    int Columns,
    double[]? SpacingMm,
    double[]? OriginMm,
    IReadOnlyList<string> TransferSyntaxes,
    bool IsVolume,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Warnings);
