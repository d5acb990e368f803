namespace PipelineSeg.Dicom;

/// <summary>What a folder scan found: series (image stacks and other instances) and the files it skipped.</summary>
/// <param name="Series">Stacks found, ordered by study, series number and key.</param>
/// <param name="Skipped">Files not used, each with its reason; none is dropped silently.</param>
public sealed record DicomScanResult(IReadOnlyList<DicomSeries> Series, IReadOnlyList<DicomSkippedFile> Skipped)
{
    /// <summary>The stacks that can be loaded as volumes.</summary>
    public IEnumerable<DicomSeries> Volumes => Series.Where(s => s.IsVolume);
}
