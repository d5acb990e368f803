namespace PipelineSeg.Dicom.Network.Scu;

/// <summary>An association or DIMSE exchange that failed: rejected, aborted, refused, or answered unexpectedly.</summary>
public sealed class DicomNetworkException : DicomException
{
    /// <summary>Creates the exception.</summary>
    public DicomNetworkException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DicomNetworkException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DicomNetworkException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>True when trying again later may succeed (transient rejection, timeout, connection refused).</summary>
    public bool IsTransient { get; init; } = true;
}
