using System.Collections.Concurrent;

namespace PipelineSeg.Dicom;

/// <summary>
/// Scans a folder tree with header-only reads (stopping before Pixel Data) and assembles series. Non-DICOM files are
/// reported as ignored, malformed ones with the reason; nothing is thrown away silently.
/// </summary>
public static class DicomSeriesScanner
{
    /// <summary>Scans <paramref name="directory"/> recursively.</summary>
    public static Task<DicomScanResult> ScanAsync(string directory, CancellationToken cancellationToken = default) =>
        ScanAsync(directory, new DicomSeriesAssemblyOptions(), cancellationToken);

    /// <summary>Scans <paramref name="directory"/> recursively with assembly options.</summary>
    public static async Task<DicomScanResult> ScanAsync(string directory, DicomSeriesAssemblyOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"DICOM folder '{directory}' does not exist");
        }
        var files = Directory.EnumerateFiles(directory, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.System,
            MaxRecursionDepth = 32, // bounds symlink loops in exported trees
        }).Order(StringComparer.Ordinal).ToList();
        return await ScanFilesAsync(files, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the headers of the given files and assembles series.</summary>
    public static async Task<DicomScanResult> ScanFilesAsync(IReadOnlyList<string> files, DicomSeriesAssemblyOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var headers = new ConcurrentBag<DicomInstanceHeader>();
        var skipped = new ConcurrentBag<DicomSkippedFile>();
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForEachAsync(files, parallel, (path, ct) =>
        {
            ct.ThrowIfCancellationRequested();
            var outcome = ReadHeader(path);
            if (outcome.Header is not null)
            {
                headers.Add(outcome.Header);
            }
            else
            {
                skipped.Add(outcome.Skipped!);
            }
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        var series = DicomSeriesAssembler.Assemble(headers.ToList(), options);
        return new DicomScanResult(series, skipped.OrderBy(s => s.FilePath, StringComparer.Ordinal).ToList());
    }

    /// <summary>Reads one header, turning every failure into a skip reason.</summary>
    internal static (DicomInstanceHeader? Header, DicomSkippedFile? Skipped) ReadHeader(string path)
    {
        try
        {
            using var file = DicomFile.Open(path, DicomReadOptions.HeaderOnly);
            var header = DicomInstanceHeader.FromFile(file);
            if (string.IsNullOrEmpty(header.SopInstanceUid))
            {
                return (null, new DicomSkippedFile(path, "no SOP Instance UID (not a composite instance: DICOMDIR or bare dataset)", true));
            }
            return (header, null);
        }
        catch (NotDicomException ex)
        {
            return (null, new DicomSkippedFile(path, ex.Message, false));
        }
        catch (DicomException ex)
        {
            return (null, new DicomSkippedFile(path, ex.Message, true));
        }
        catch (IOException ex)
        {
            return (null, new DicomSkippedFile(path, $"cannot read '{path}': {ex.Message}", true));
        }
        catch (UnauthorizedAccessException ex)
        {
            return (null, new DicomSkippedFile(path, $"cannot read '{path}': {ex.Message}", true));
        }
    }
}
