namespace PipelineSeg.Dicom;

/// <summary>Signals that a header-only read of a file prefix ran past the prefix; the reader retries with more bytes.</summary>
internal sealed class DicomNeedMoreDataException : Exception
{
    public DicomNeedMoreDataException()
    {
    }

    public DicomNeedMoreDataException(string message)
        : base(message)
    {
    }

    public DicomNeedMoreDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DicomNeedMoreDataException(long needed)
        : base($"need {needed} bytes")
    {
        Needed = needed;
    }

    /// <summary>Buffer length that would have satisfied the read (at least).</summary>
    public long Needed { get; }
}
