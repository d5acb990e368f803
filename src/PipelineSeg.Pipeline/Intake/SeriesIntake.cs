using PipelineSeg.Dicom;

namespace PipelineSeg.Pipeline.Intake;

/// <summary>Scans a folder tree (header-only reads) and sorts what it finds into an <see cref="IntakeScan"/>.</summary>
public static class SeriesIntake
{
    /// <summary>File extensions that promise DICOM: such a file that is not DICOM is an error, not a stray note.</summary>
    private static readonly string[] DicomExtensions = [".dcm", ".dicom", ".ima"];

    /// <summary>Scans <paramref name="directory"/> recursively.</summary>
    public static async Task<IntakeScan> ScanAsync(string directory, CancellationToken cancellationToken = default)
    {
        var scan = await DicomSeriesScanner.ScanAsync(directory, cancellationToken).ConfigureAwait(false);
        return Sort(scan);
    }

    /// <summary>Sorts a scan result.</summary>
    public static IntakeScan Sort(DicomScanResult scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var candidates = new List<DicomSeries>();
        var groundTruth = new List<DicomSeries>();
        var rejected = new List<IntakeRejection>();
        var ignored = new List<DicomSkippedFile>();
        foreach (var series in scan.Series)
        {
            if (IsSegmentation(series.SopClassUid))
            {
                groundTruth.Add(series);
            }
            else if (!series.IsVolume)
            {
                var why = series.Problems.Count > 0 ? string.Join("; ", series.Problems) : "no usable geometry";
                rejected.Add(new IntakeRejection(series.Key, $"{series.Modality} series {series.Key} ({series.Slices.Count} slices) is not a volume: {why}",
                    [.. series.FilePaths]));
            }
            else
            {
                candidates.Add(series);
            }
        }
        foreach (var skipped in scan.Skipped)
        {
            var promisesDicom = DicomExtensions.Contains(Path.GetExtension(skipped.FilePath), StringComparer.OrdinalIgnoreCase);
            if (skipped.IsDicom || promisesDicom)
            {
                rejected.Add(new IntakeRejection(Path.GetFileName(skipped.FilePath), $"{skipped.FilePath}: {skipped.Reason}", [skipped.FilePath]));
            }
            else
            {
                ignored.Add(skipped);
            }
        }
        return new IntakeScan(candidates, groundTruth, rejected, ignored);
    }

    /// <summary>Segmentation Storage and Label Map Segmentation Storage.</summary>
    public static bool IsSegmentation(string sopClassUid) => SopClasses.IsSegmentation(sopClassUid);
}
