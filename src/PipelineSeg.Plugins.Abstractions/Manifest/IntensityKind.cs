namespace PipelineSeg.Plugins.Abstractions;

/// <summary>Kinds of <see cref="IntensityTransform"/>.</summary>
public enum IntensityKind
{
    /// <summary>Values pass unchanged.</summary>
    None,

    /// <summary>Clip to a window and rescale linearly.</summary>
    Window,

    /// <summary>Subtract a mean, divide by a standard deviation.</summary>
    ZScore,
}
