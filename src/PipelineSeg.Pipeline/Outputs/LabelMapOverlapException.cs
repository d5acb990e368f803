namespace PipelineSeg.Pipeline.Outputs;

/// <summary>
/// A pipeline asked for a LABELMAP SEG but two of its segments share voxels (e.g. liver declared to contain lesion): a
/// label map cannot say both. A configuration problem, not a problem of the series.
/// </summary>
public sealed class LabelMapOverlapException : Exception
{
    /// <summary>Creates the exception naming both segments and the shared voxels.</summary>
    public LabelMapOverlapException(string first, string second, long sharedVoxels)
        : base($"a LABELMAP SEG cannot hold overlapping segments: '{first}' and '{second}' share {sharedVoxels} voxels " +
            "(the manifest's \"contains\" makes the outer segment include the inner one); set the pipeline's SegEncoding to Binary")
    {
        First = first;
        Second = second;
        SharedVoxels = sharedVoxels;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public LabelMapOverlapException(string message)
        : base(message)
    {
        First = string.Empty;
        Second = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public LabelMapOverlapException(string message, Exception innerException)
        : base(message, innerException)
    {
        First = string.Empty;
        Second = string.Empty;
    }

    /// <summary>Creates an empty exception (analyzers).</summary>
    public LabelMapOverlapException()
        : this("a LABELMAP SEG cannot hold overlapping segments")
    {
    }

    /// <summary>Label of the first segment.</summary>
    public string First { get; }

    /// <summary>Label of the second segment.</summary>
    public string Second { get; }

    /// <summary>Voxels both segments hold.</summary>
    public long SharedVoxels { get; }
}
