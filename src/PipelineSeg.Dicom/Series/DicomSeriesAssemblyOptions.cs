namespace PipelineSeg.Dicom;

/// <summary>Tolerances used when stacking slices.</summary>
public sealed record DicomSeriesAssemblyOptions
{
    /// <summary>Two positions closer than this along the normal are duplicates (mm).</summary>
    public double PositionTolerance { get; init; } = 0.01;

    /// <summary>Orientations whose direction cosines differ by more than this are different stacks.</summary>
    public double OrientationTolerance { get; init; } = 1e-3;

    /// <summary>A step larger than this factor times the typical spacing is reported as a gap.</summary>
    public double GapFactor { get; init; } = 1.5;

    /// <summary>Steps differing from the typical spacing by more than this fraction are non-uniform.</summary>
    public double SpacingRelativeTolerance { get; init; } = 0.01;
}
