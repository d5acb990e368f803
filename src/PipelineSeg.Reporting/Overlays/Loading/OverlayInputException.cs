namespace PipelineSeg.Reporting.Overlays.Loading;

/// <summary>An input of an overlay cannot be used; the message starts with the file or folder and says why.</summary>
public sealed class OverlayInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OverlayInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public OverlayInputException()
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public OverlayInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
