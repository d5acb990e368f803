namespace PipelineSeg.Dicom;

/// <summary>The file is not DICOM at all (no DICM prefix and no recognisable dataset): scanners skip it with a note.</summary>
public sealed class NotDicomException : DicomFormatException
{
    /// <summary>Creates the exception.</summary>
    public NotDicomException()
        : base("not a DICOM file")
    {
    }

    /// <summary>Creates the exception.</summary>
    public NotDicomException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NotDicomException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the file.</summary>
    public NotDicomException(string reason, string? filePath)
        : base(reason, filePath, null, 0)
    {
    }
}
