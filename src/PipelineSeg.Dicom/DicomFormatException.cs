namespace PipelineSeg.Dicom;

/// <summary>
/// The bytes are not valid DICOM (truncated, absurd length, bad sequence, missing delimiter, not DICOM at all…).
/// Always names the file, the tag and the byte offset when they are known.
/// </summary>
public class DicomFormatException : DicomException
{
    /// <summary>Creates an exception with a message only.</summary>
    public DicomFormatException()
        : base("malformed DICOM")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public DicomFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping another one.</summary>
    public DicomFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception naming where the problem was found.</summary>
    public DicomFormatException(string reason, string? filePath, DicomTag? tag, long? offset, Exception? innerException = null)
        : base(reason, filePath, tag, offset, innerException)
    {
    }
}
