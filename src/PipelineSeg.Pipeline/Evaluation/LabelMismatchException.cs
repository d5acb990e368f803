namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>The labels of the prediction and the ground truth cannot be paired without a choice (--binary or --label).</summary>
public sealed class LabelMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LabelMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LabelMismatchException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public LabelMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
