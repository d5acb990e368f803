using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Resampling;
using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Preprocessing;

/// <summary>
/// Bilinear in-plane resampling of one slice between the source grid and the model plane: over the whole field of view
/// (voxel edges aligned, so going there and back restores the grid, the geometry of
/// <see cref="Resampler.ResampleToSize{T}"/>), or at a fixed pixel spacing centred on the field of view when the model
/// asks for one (<paramref name="pixelSpacingMm"/> parameters; outside values where the planes do not overlap).
/// </summary>
public static class InPlaneResampler
{
    /// <summary>Slice <paramref name="z"/> resized to <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static float[] ToModel(ReadOnlySpan<float> slice, SlabGrid grid, int z, int width, int height, float outside, double? pixelSpacingMm = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var source = new Volume<float>(new VolumeSize(grid.Width, grid.Height, 1), grid.SliceGeometry(z), slice.ToArray());
        return Resampler.Resample(source, new VolumeSize(width, height, 1), ModelGeometry(grid, z, width, height, pixelSpacingMm), Interpolation.Linear, outside).Array;
    }

    /// <summary>A model-size plane of slice <paramref name="z"/> resampled back onto the source grid.</summary>
    public static float[] ToSource(float[] plane, int width, int height, SlabGrid grid, int z, float outside, double? pixelSpacingMm = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var atModelSize = new Volume<float>(new VolumeSize(width, height, 1), ModelGeometry(grid, z, width, height, pixelSpacingMm), plane);
        return Resampler.Resample(atModelSize, new VolumeSize(grid.Width, grid.Height, 1), grid.SliceGeometry(z), Interpolation.Linear, outside).Array;
    }

    /// <summary>
    /// Writes a model-size plane of slice <paramref name="z"/> onto the source grid into <paramref name="target"/>: a copy when
    /// the sizes agree (<paramref name="sameSize"/>, no fixed spacing), else through <paramref name="map"/> (from
    /// <see cref="Map"/>, toModel false), else the general resampler for oblique grids. Same floats on every path.
    /// </summary>
    public static void PlaneToSource(ReadOnlySpan<float> plane, int width, int height, SlabGrid grid, int z, bool sameSize, PlaneMap? map,
        float outside, double? pixelSpacingMm, Span<float> target)
    {
        if (sameSize)
        {
            plane.CopyTo(target);
        }
        else if (map is not null)
        {
            map.Apply(plane, target, outside);
        }
        else
        {
            ToSource(plane.ToArray(), width, height, grid, z, outside, pixelSpacingMm).CopyTo(target);
        }
    }

    /// <summary>
    /// The bilinear map of slice <paramref name="z"/> from the source grid to the model size (<paramref name="toModel"/>)
    /// or back, as per-axis taps; null for oblique grids, which go through <see cref="ToModel"/> / <see cref="ToSource"/>.
    /// Same floats as those.
    /// </summary>
    public static PlaneMap? Map(SlabGrid grid, int z, int width, int height, bool toModel, double? pixelSpacingMm = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var (sourceGeometry, modelGeometry) = (grid.SliceGeometry(z), ModelGeometry(grid, z, width, height, pixelSpacingMm));
        return toModel
            ? PlaneMap.TryCreate(grid.Width, grid.Height, sourceGeometry, width, height, modelGeometry)
            : PlaneMap.TryCreate(width, height, modelGeometry, grid.Width, grid.Height, sourceGeometry);
    }

    /// <summary>
    /// Placement of slice <paramref name="z"/> at the model size: same extent, larger voxels, centres shifted half a voxel;
    /// or, with <paramref name="pixelSpacingMm"/>, square pixels of that size whose centre is the field of view's centre.
    /// </summary>
    public static VolumeGeometry ModelGeometry(SlabGrid grid, int z, int width, int height, double? pixelSpacingMm = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var g = grid.SliceGeometry(z);
        if (pixelSpacingMm is { } mm)
        {
            var centre = g.IndexToWorld((grid.Width - 1) / 2.0, (grid.Height - 1) / 2.0, 0);
            var fixedSpacing = new Vec3(mm, mm, g.Spacing.Z);
            return new VolumeGeometry(centre - (g.Direction * new Vec3(mm * (width - 1) / 2.0, mm * (height - 1) / 2.0, 0)), fixedSpacing, g.Direction);
        }
        var spacing = new Vec3(g.Spacing.X * grid.Width / width, g.Spacing.Y * grid.Height / height, g.Spacing.Z);
        var shift = new Vec3((spacing.X - g.Spacing.X) / 2, (spacing.Y - g.Spacing.Y) / 2, 0);
        return new VolumeGeometry(g.Origin + (g.Direction * shift), spacing, g.Direction);
    }
}
