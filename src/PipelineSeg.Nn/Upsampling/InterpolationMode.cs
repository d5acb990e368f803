namespace PipelineSeg.Nn;

/// <summary>Interpolation modes of <see cref="Upsample"/> (PyTorch's mode strings 'nearest' and 'bilinear').</summary>
public enum InterpolationMode
{
    /// <summary>'nearest'.</summary>
    Nearest,

    /// <summary>'bilinear'.</summary>
    Bilinear,
}
