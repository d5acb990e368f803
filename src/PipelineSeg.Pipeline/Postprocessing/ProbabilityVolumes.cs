using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Postprocessing;

/// <summary>
/// The probability of each non-background class on the source grid (the smoothed probabilities the labels are decided
/// from, resampled like them), as bytes of 1/255 for probability.dcm: one byte per voxel and segment, never floats.
/// </summary>
public sealed class ProbabilityVolumes
{
    /// <summary>Byte value per unit of probability.</summary>
    public const double Scale = 255.0;

    private readonly SlabGrid _grid;
    private readonly int[] _classIndices;
    private readonly double? _spacing;

    /// <summary>One byte volume per non-background class of <paramref name="classes"/> on <paramref name="grid"/>.</summary>
    public ProbabilityVolumes(SlabGrid grid, IReadOnlyList<SegmentClass> classes, double? modelPixelSpacingMm = null)
    {
        _spacing = modelPixelSpacingMm;
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(classes);
        _grid = grid;
        _classIndices = [.. classes.Select((c, i) => (c, i)).Where(t => !t.c.IsBackground).Select(t => t.i)];
        Maps = [.. _classIndices.Select(i => (classes[i], new Volume<byte>(grid.Size, grid.Geometry)))];
    }

    /// <summary>Per non-background class, in class order: round(255 · p) (0 until a slab covers a slice).</summary>
    public IReadOnlyList<(SegmentClass Class, Volume<byte> Map)> Maps { get; }

    /// <summary>Adds the probabilities of the slices of <paramref name="slab"/>.</summary>
    public void Add(ProbabilitySlab slab)
    {
        ArgumentNullException.ThrowIfNull(slab);
        ClassPlaneQuantiser.Add(_grid, slab, slab.Probabilities, _classIndices, [.. Maps.Select(m => m.Map)], Scale, _spacing);
    }
}
