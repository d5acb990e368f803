using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Postprocessing;

/// <summary>
/// The per-voxel uncertainty of each non-background class on the source grid: the standard deviation of its probability
/// over the Monte-Carlo passes, resampled in-plane like the probabilities (bilinear, 0 outside the field of view) and kept
/// as bytes, <see cref="Scale"/> per unit of std, so a whole series costs one byte per voxel and segment, never floats.
/// </summary>
public sealed class SpreadVolumes
{
    /// <summary>Byte value per unit of standard deviation: a probability's std is at most 0.5, stored as 255.</summary>
    public const double Scale = 510.0;

    private readonly SlabGrid _grid;
    private readonly int[] _classIndices;
    private readonly double? _spacing;

    /// <summary>One byte volume per non-background class of <paramref name="classes"/> on <paramref name="grid"/>.</summary>
    public SpreadVolumes(SlabGrid grid, IReadOnlyList<SegmentClass> classes, double? modelPixelSpacingMm = null)
    {
        _spacing = modelPixelSpacingMm;
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(classes);
        _grid = grid;
        _classIndices = [.. classes.Select((c, i) => (c, i)).Where(t => !t.c.IsBackground).Select(t => t.i)];
        Maps = [.. _classIndices.Select(i => (classes[i], new Volume<byte>(grid.Size, grid.Geometry)))];
    }

    /// <summary>Per non-background class, in class order: the std map scaled by <see cref="Scale"/> (0 until a slab covers a slice).</summary>
    public IReadOnlyList<(SegmentClass Class, Volume<byte> Map)> Maps { get; }

    /// <summary>Converts a stored byte back to a standard deviation.</summary>
    public static double ToStd(byte value) => value / Scale;

    /// <summary>Adds the spread of the slices of <paramref name="slab"/>; a slab without spread adds nothing.</summary>
    public void Add(ProbabilitySlab slab)
    {
        ArgumentNullException.ThrowIfNull(slab);
        if (slab.Spread is null)
        {
            return;
        }
        ClassPlaneQuantiser.Add(_grid, slab, slab.Spread, _classIndices, [.. Maps.Select(m => m.Map)], Scale, _spacing);
    }
}
