using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Postprocessing;

/// <summary>
/// Post-processing per slab: each slice's class probabilities are resampled back onto the source grid in-plane
/// (bilinear; outside the model's field of view background is certain) and decided by argmax with a threshold into the
/// byte label volume, the only whole-volume result of the pipeline. Axis-aligned grids decide whole cells at once
/// (<see cref="PlaneLabeler"/>, same labels); oblique ones resample every class plane.
/// </summary>
public sealed class SlabLabeler
{
    private readonly SlabGrid _grid;
    private readonly IReadOnlyList<SegmentClass> _classes;
    private readonly double[] _thresholds;
    private readonly int _background;
    private readonly PlaneLabeler _planeLabeler;
    private readonly double? _spacing;
    private Volume<byte>? _labels;

    /// <summary>Labels slabs of <paramref name="classes"/> probabilities onto <paramref name="grid"/>, one threshold for every class.</summary>
    public SlabLabeler(SlabGrid grid, IReadOnlyList<SegmentClass> classes, double threshold)
        : this(grid, classes, [.. Enumerable.Repeat(threshold, classes?.Count ?? 0)])
    {
    }

    /// <summary>Labels slabs of <paramref name="classes"/> probabilities onto <paramref name="grid"/> with <paramref name="thresholds"/>[k] for class k.</summary>
    public SlabLabeler(SlabGrid grid, IReadOnlyList<SegmentClass> classes, IReadOnlyList<double> thresholds)
        : this(grid, classes, thresholds, null)
    {
    }

    /// <summary>As above, for a model plane at a fixed <paramref name="modelPixelSpacingMm"/> (null: the whole field of view).</summary>
    public SlabLabeler(SlabGrid grid, IReadOnlyList<SegmentClass> classes, IReadOnlyList<double> thresholds, double? modelPixelSpacingMm)
    {
        _spacing = modelPixelSpacingMm;
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Count != classes.Count)
        {
            throw new ArgumentException($"need one threshold per class ({classes.Count}), got {thresholds.Count}", nameof(thresholds));
        }
        (_grid, _classes, _thresholds) = (grid, classes, [.. thresholds]);
        _background = classes.Select((c, i) => (c, i)).FirstOrDefault(t => t.c.IsBackground).i;
        _planeLabeler = new PlaneLabeler(_thresholds, _background);
    }

    /// <summary>The label volume on the source grid (0 until a slab covers a slice); allocated on first use, its pages mapped slab by slab as they are labelled.</summary>
    public Volume<byte> Labels => _labels ??= LabelVolumeAllocator.Allocate(_grid);

    /// <summary>Labels the slices of <paramref name="slab"/>.</summary>
    public void Add(ProbabilitySlab slab, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slab);
        if (slab.Classes != _classes.Count)
        {
            throw new ArgumentException($"slab has {slab.Classes} classes, the model {_classes.Count}", nameof(slab));
        }
        var sameSize = slab.Width == _grid.Width && slab.Height == _grid.Height && _spacing is null;
        LabelVolumeAllocator.Prefault(Labels, slab.First, slab.Count);
        // Slice after slice on the caller: the pipeline labels on its side thread beside inference, which has the other cores.
        for (var s = 0; s < slab.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var z = slab.First + s;
            if (!sameSize && InPlaneResampler.Map(_grid, z, slab.Width, slab.Height, toModel: false, _spacing) is { } map)
            {
                _planeLabeler.Label(map, slab.Probabilities, s * slab.Classes * slab.Plane, Labels.Slice(z));
                continue;
            }
            var planes = new float[_classes.Count][];
            for (var k = 0; k < planes.Length; k++)
            {
                var plane = slab.Channel(s, k).ToArray();
                planes[k] = sameSize
                    ? plane
                    : InPlaneResampler.ToSource(plane, slab.Width, slab.Height, _grid, z, _classes[k].IsBackground ? 1f : 0f, _spacing);
            }
            LabelDecision.ArgmaxWithThresholds(planes, _background, _thresholds, Labels.Slice(z));
        }
    }
}
