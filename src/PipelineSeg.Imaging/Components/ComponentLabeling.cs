namespace PipelineSeg.Imaging.Components;

/// <summary>Result of connected-component labelling: labels 1..Count in raster order of first voxel, 0 = background.</summary>
public sealed record ComponentLabeling(Volume<int> Labels, IReadOnlyList<ComponentInfo> Components)
{
    /// <summary>Number of components.</summary>
    public int Count => Components.Count;
}
