using PipelineSeg.Imaging;

namespace PipelineSeg.Pipeline.Slabs;

/// <summary>The source grid of one series: every slab lies on it and the label volume is written on it.</summary>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
/// <param name="Depth">Slices.</param>
/// <param name="Geometry">Patient-space placement (LPS).</param>
public sealed record SlabGrid(int Width, int Height, int Depth, VolumeGeometry Geometry)
{
    /// <summary>Voxels per slice.</summary>
    public int Plane => Width * Height;

    /// <summary>The grid's size.</summary>
    public VolumeSize Size => new(Width, Height, Depth);

    /// <summary>Placement of slice <paramref name="z"/> alone (a one-slice grid), for in-plane resampling per slice.</summary>
    public VolumeGeometry SliceGeometry(int z) => Geometry with { Origin = Geometry.IndexToWorld(0, 0, z) };
}
