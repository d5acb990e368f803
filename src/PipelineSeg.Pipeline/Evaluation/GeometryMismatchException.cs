namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>The prediction and the ground truth lie on different voxel grids and resampling was not allowed.</summary>
public sealed class GeometryMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GeometryMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GeometryMismatchException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public GeometryMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
