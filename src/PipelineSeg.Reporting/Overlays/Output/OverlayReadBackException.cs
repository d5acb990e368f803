namespace PipelineSeg.Reporting.Overlays.Output;

/// <summary>The overlay series read back does not match what was meant (count, size, geometry or pixels): the series fails.</summary>
public sealed class OverlayReadBackException : Exception
{
    /// <summary>Creates the exception with the figures that differ.</summary>
    public OverlayReadBackException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public OverlayReadBackException()
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public OverlayReadBackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
