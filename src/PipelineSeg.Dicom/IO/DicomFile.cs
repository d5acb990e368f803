namespace PipelineSeg.Dicom;

/// <summary>
/// A parsed DICOM file (Part 10 or a bare dataset). Element values are views over the file's bytes (a pooled buffer or
/// a memory map for large files), so keep the file open while you use them and dispose it afterwards.
/// </summary>
public sealed class DicomFile : IDisposable
{
    private readonly FileBuffer _buffer;
    private readonly IDisposable? _extra;

    internal DicomFile(string sourceName, FileBuffer buffer, IDisposable? extra, DicomDataset meta, DicomDataset dataset,
        DicomTransferSyntax transferSyntax, bool hasPreamble, bool stoppedBeforePixelData, IReadOnlyList<string> warnings)
    {
        SourceName = sourceName;
        _buffer = buffer;
        _extra = extra;
        FileMetaInformation = meta;
        Dataset = dataset;
        TransferSyntax = transferSyntax;
        HasPreamble = hasPreamble;
        StoppedBeforePixelData = stoppedBeforePixelData;
        Warnings = warnings;
    }

    /// <summary>The file path (or the name given to <see cref="Parse"/>).</summary>
    public string SourceName { get; }

    /// <summary>Group 0002 (empty for bare datasets).</summary>
    public DicomDataset FileMetaInformation { get; }

    /// <summary>The dataset.</summary>
    public DicomDataset Dataset { get; }

    /// <summary>The transfer syntax of the dataset (from the meta, or detected for bare datasets).</summary>
    public DicomTransferSyntax TransferSyntax { get; }

    /// <summary>True for Part 10 files (128-byte preamble + "DICM").</summary>
    public bool HasPreamble { get; }

    /// <summary>True when the read stopped before Pixel Data (header-only read of an image).</summary>
    public bool StoppedBeforePixelData { get; }

    /// <summary>Tolerated irregularities (trailing bytes, missing delimiters…), for reports.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Opens and parses a file. With <see cref="DicomReadOptions.StopBeforePixelData"/> only a prefix of the file is
    /// read. Throws <see cref="NotDicomException"/> for non-DICOM files and <see cref="DicomFormatException"/> (naming the
    /// file, tag and offset) for malformed ones.
    /// </summary>
    public static DicomFile Open(string path, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= DicomReadOptions.Full;
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        var headerOnly = options.StopBeforePixelData || options.StopAt is not null;
        if (headerOnly)
        {
            long prefix = options.HeaderPrefixBytes;
            while (prefix < length)
            {
                var buffer = FileBuffer.ReadPrefix(handle, length, (int)prefix);
                try
                {
                    return DicomFileReader.Read(path, buffer, options, isPrefix: true);
                }
                catch (DicomNeedMoreDataException more)
                {
                    buffer.Dispose();
                    prefix = Math.Max(prefix * 4, more.Needed + 4096);
                }
            }
        }
        var all = FileBuffer.ReadAll(handle, length, path, options.MemoryMapThreshold);
        try
        {
            return DicomFileReader.Read(path, all, options, isPrefix: false);
        }
        catch
        {
            all.Dispose();
            throw;
        }
    }

    /// <summary>Parses bytes the caller owns (they must outlive the returned file).</summary>
    public static DicomFile Parse(ReadOnlyMemory<byte> bytes, string sourceName, DicomReadOptions? options = null) =>
        DicomFileReader.Read(sourceName, FileBuffer.Wrap(bytes), options ?? DicomReadOptions.Full, isPrefix: false);

    /// <inheritdoc />
    public void Dispose()
    {
        _extra?.Dispose();
        _buffer.Dispose();
    }
}
