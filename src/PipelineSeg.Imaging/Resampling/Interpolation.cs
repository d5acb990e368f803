namespace PipelineSeg.Imaging.Resampling;

/// <summary>Interpolation used when resampling.</summary>
public enum Interpolation
{
    /// <summary>Nearest neighbour (labels).</summary>
    Nearest,

    /// <summary>Trilinear (images).</summary>
    Linear,
}
