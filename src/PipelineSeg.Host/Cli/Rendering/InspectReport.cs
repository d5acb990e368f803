using PipelineSeg.Dicom;
using PipelineSeg.Host.Cli.Inspection;

namespace PipelineSeg.Host.Cli.Rendering;

/// <summary>
/// What <c>inspect --json</c> prints: the series found, the files not used (broken DICOM with the reason, non-DICOM with a
/// note) and counts taken from those same lists. <see cref="Checked"/> says how deep the files were read. No patient attributes.
/// </summary>
internal sealed record InspectReport(string Path, string Checked, IReadOnlyList<InspectedSeries> Series, IReadOnlyList<DicomSkippedFile> Skipped)
{
    /// <summary>Image series (not SEGs).</summary>
    public int ImageSeries => Series.Count(s => !s.IsSegmentation);

    /// <summary>Segmentation series.</summary>
    public int Segmentations => Series.Count(s => s.IsSegmentation);

    /// <summary>DICOM files that cannot be used, each listed in <see cref="Skipped"/>.</summary>
    public int BrokenFiles => Skipped.Count(f => f.IsDicom);

    /// <summary>Files that are not DICOM.</summary>
    public int NonDicomFiles => Skipped.Count(f => !f.IsDicom);

    /// <summary>Whether anything is wrong: an image series with problems or a broken DICOM file.</summary>
    public bool HasFailures => BrokenFiles > 0 || Series.Any(s => s.Problems.Count > 0);
}

/// <summary>One series (or stack) as <c>inspect</c> reports it; a SEG carries <see cref="Segmentation"/> instead of slices.</summary>
internal sealed record InspectedSeries(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    int StackIndex,
    string Modality,
    string SopClassUid,
    int? SeriesNumber,
    string SeriesDescription,
    int? Slices,
    int Rows,
    int Columns,
    double[]? SpacingMm,
    double[]? OriginMm,
    IReadOnlyList<string> TransferSyntaxes,
    bool IsVolume,
    bool IsSegmentation,
    InspectedSegmentation? Segmentation,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Warnings);
