namespace PipelineSeg.Dicom;

/// <summary>
/// Base of every error raised by the DICOM layer. Carries the file, the tag being read and the byte offset when known,
/// and always includes them in <see cref="Exception.Message"/> so a log line alone locates the problem.
/// </summary>
public class DicomException : Exception
{
    /// <summary>Creates an exception with a message only.</summary>
    public DicomException()
        : this("DICOM error")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public DicomException(string message)
        : this(message, null, null, null, null)
    {
    }

    /// <summary>Creates an exception wrapping another one.</summary>
    public DicomException(string message, Exception innerException)
        : this(message, null, null, null, innerException)
    {
    }

    /// <summary>Creates an exception naming where the problem was found.</summary>
    /// <param name="reason">What went wrong, without location (the location is appended).</param>
    /// <param name="filePath">The file or source name, when known.</param>
    /// <param name="tag">The (gggg,eeee) tag being read, when known.</param>
    /// <param name="offset">Byte offset in the file/stream, when known.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DicomException(string reason, string? filePath, DicomTag? tag, long? offset, Exception? innerException = null)
        : base(Compose(reason, filePath, tag, offset), innerException)
    {
        Reason = reason;
        FilePath = filePath;
        Tag = tag;
        Offset = offset;
    }

    /// <summary>What went wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The file (or source name) in which the problem was found.</summary>
    public string? FilePath { get; }

    /// <summary>The tag being read when the problem was found.</summary>
    public DicomTag? Tag { get; }

    /// <summary>Byte offset from the start of the file or stream.</summary>
    public long? Offset { get; }

    private static string Compose(string reason, string? filePath, DicomTag? tag, long? offset)
    {
        var parts = new List<string>(3);
        if (!string.IsNullOrEmpty(filePath))
        {
            parts.Add($"file '{filePath}'");
        }
        if (tag is { } t)
        {
            parts.Add($"tag {t}");
        }
        if (offset is { } o)
        {
            parts.Add($"offset {o}");
        }
        return parts.Count == 0 ? reason : $"{reason} ({string.Join(", ", parts)})";
    }
}
