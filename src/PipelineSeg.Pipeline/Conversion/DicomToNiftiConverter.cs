using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Conversion;

/// <summary>Converts every image stack under a folder (or in one file) to NIfTI, one file per series.</summary>
public static class DicomToNiftiConverter
{
    /// <summary>
    /// Converts the series found in <paramref name="input"/> (folder or file). With one series the output is
    /// <paramref name="output"/>; with several, each gets <c>&lt;stem&gt;_&lt;series number&gt;[_&lt;stack&gt;].nii.gz</c> beside it.
    /// </summary>
    public static async Task<IReadOnlyList<ConversionOutcome>> ConvertAsync(string input, string output, CancellationToken cancellationToken = default) =>
        await ConvertAsync(input, output, null, cancellationToken).ConfigureAwait(false);

    /// <summary>As <see cref="ConvertAsync(string, string, CancellationToken)"/>, telling <paramref name="progress"/> the plan and each finished series.</summary>
    public static async Task<IReadOnlyList<ConversionOutcome>> ConvertAsync(string input, string output, IProgress<Batch.WorkProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var scan = await DicomSeriesScanner.ScanPathAsync(input, cancellationToken).ConfigureAwait(false);
        var images = scan.Series.Where(s => s.Rows > 0 && s.Columns > 0 && !IsSegmentation(s)).ToList();
        var outcomes = new List<ConversionOutcome>();
        if (images.Count == 0)
        {
            var reasons = scan.Skipped.Count > 0 ? $" ({scan.Skipped.Count} files skipped, e.g. {scan.Skipped[0].FilePath}: {scan.Skipped[0].Reason})" : string.Empty;
            outcomes.Add(new ConversionOutcome(input, null, $"no DICOM image series found in '{input}'{reasons}"));
            return outcomes;
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        var slicesTotal = images.Sum(s => (long)s.Slices.Count);
        var (done, slicesDone) = (0, 0L);
        foreach (var series in images)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new Batch.WorkProgress(done, images.Count, slicesDone, slicesTotal, series.Key));
            var description = DicomVolumeLoader.Describe(series);
            var path = images.Count == 1 ? output : UniquePath(output, series, used);
            try
            {
                var volume = await DicomVolumeLoader.LoadImageAsync(series, cancellationToken).ConfigureAwait(false);
                var folder = Path.GetDirectoryName(Path.GetFullPath(path));
                if (folder is not null)
                {
                    Directory.CreateDirectory(folder);
                }
                await NiftiExport.WriteAsync(volume, path, cancellationToken).ConfigureAwait(false);
                outcomes.Add(new ConversionOutcome(description, path, null));
            }
            // One bad series never stops the others (the batch's rule too): any failure but cancellation is that series' outcome.
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcomes.Add(new ConversionOutcome(description, null, e.Message));
            }
            (done, slicesDone) = (done + 1, slicesDone + series.Slices.Count);
        }
        progress?.Report(new Batch.WorkProgress(done, images.Count, slicesDone, slicesTotal, null));
        return outcomes;
    }

    private static bool IsSegmentation(DicomSeries s) => SopClasses.IsSegmentation(s.SopClassUid);

    private static string UniquePath(string output, DicomSeries series, HashSet<string> used)
    {
        var name = Path.GetFileName(output);
        var ext = name.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase) ? ".nii.gz" : Path.GetExtension(name);
        var stem = Path.Combine(Path.GetDirectoryName(output) ?? string.Empty, name[..^ext.Length]);
        var tag = series.SeriesNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "x";
        if (series.StackIndex > 0)
        {
            tag += "_" + series.StackIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var candidate = $"{stem}_{tag}{ext}";
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{stem}_{tag}_{n}{ext}";
        }
        return candidate;
    }
}
