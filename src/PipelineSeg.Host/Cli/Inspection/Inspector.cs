using PipelineSeg.Dicom;
using PipelineSeg.Host.Cli.Rendering;
using PipelineSeg.Pipeline.Intake;

namespace PipelineSeg.Host.Cli.Inspection;

/// <summary>Builds the <c>inspect</c> report: a header scan, SEGs described as segmentations, and with deep every frame decoded.</summary>
internal static class Inspector
{
    public static async Task<InspectReport> InspectAsync(string path, bool deep, CancellationToken cancellationToken)
    {
        var scan = await DicomSeriesScanner.ScanPathAsync(path, cancellationToken).ConfigureAwait(false);
        var series = new List<InspectedSeries>();
        var skipped = new List<DicomSkippedFile>(scan.Skipped);
        foreach (var s in scan.Series)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsSegmentation(s.SopClassUid))
            {
                var (segmentation, broken) = SegmentationHeaders.Describe(s, deep);
                skipped.AddRange(broken);
                series.Add(Describe(s, null, segmentation, []));
                continue;
            }
            var problems = s.Problems.ToList();
            if (deep && s.Rows > 0)
            {
                var broken = PixelCheck.Check(s, cancellationToken);
                skipped.AddRange(broken);
                if (broken.Count > 0)
                {
                    problems.Add($"{broken.Count} of {s.FilePaths.Count()} file(s) cannot be decoded (listed as broken)");
                }
            }
            series.Add(Describe(s, s.Slices.Count, null, problems));
        }
        skipped.Sort((a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        return new InspectReport(path, deep ? "pixels" : "headers", series, skipped);
    }

    private static InspectedSeries Describe(DicomSeries s, int? slices, InspectedSegmentation? segmentation, IReadOnlyList<string> problems) => new(
        s.StudyInstanceUid, s.SeriesInstanceUid, s.StackIndex, s.Modality, s.SopClassUid, s.SeriesNumber, s.SeriesDescription,
        slices, s.Rows, s.Columns,
        s.Geometry is { } g ? [g.Spacing.X, g.Spacing.Y, g.Spacing.Z] : null,
        s.Geometry is { } o ? [o.Origin.X, o.Origin.Y, o.Origin.Z] : null,
        s.TransferSyntaxUids, s.IsVolume, segmentation is not null || IsSegmentation(s.SopClassUid), segmentation, problems, s.Warnings);

    private static bool IsSegmentation(string sopClassUid) => SeriesIntake.IsSegmentation(sopClassUid);
}
