namespace PipelineSeg.Reporting.Html;

/// <summary>The first and last axial slice (0-based, series order) on which a segment has voxels.</summary>
public readonly record struct SliceRange(int First, int Last)
{
    /// <summary>"12–19", 1-based as a viewer counts slices.</summary>
    public override string ToString() => $"{First + 1}–{Last + 1}";
}
