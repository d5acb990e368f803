namespace PipelineSeg.Pipeline.Applicability;

/// <summary>The verdict of one check.</summary>
public enum CheckVerdict
{
    /// <summary>Within the model card.</summary>
    Pass,

    /// <summary>Could not be confirmed (the series does not state the attribute).</summary>
    Warn,

    /// <summary>Outside the model card.</summary>
    Fail,
}
