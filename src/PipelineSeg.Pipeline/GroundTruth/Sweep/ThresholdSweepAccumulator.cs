using System.Buffers;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.GroundTruth.Sweep;

/// <summary>
/// The threshold sweep against ground truth, computed while the class probabilities exist (per slab, never for the
/// whole volume): each slice's probability of a scored class (plus the classes it contains, as it is scored) is resampled
/// onto the source grid like the labels and counted against the ground-truth slice into per-threshold confusion counts;
/// only those counts are kept, per slice, so a slice seen again replaces its counts rather than adding to them.
/// </summary>
public sealed class ThresholdSweepAccumulator : ISlabObserver
{
    private readonly SlabGrid _grid;
    private readonly double? _spacing;
    private readonly double[] _thresholds;
    private readonly SweepTarget[] _targets;

    /// <summary>Sweeps <paramref name="placement"/>'s matched classes of <paramref name="classes"/> on <paramref name="grid"/> at <paramref name="thresholds"/>.</summary>
    public ThresholdSweepAccumulator(SlabGrid grid, IReadOnlyList<SegmentClass> classes, GroundTruthPlacement placement,
        IReadOnlyList<double> thresholds, double? modelPixelSpacingMm = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Count == 0 || thresholds.Zip(thresholds.Skip(1)).Any(p => p.First >= p.Second))
        {
            throw new ArgumentException("thresholds must be ascending and not empty", nameof(thresholds));
        }
        (_grid, _spacing, _thresholds) = (grid, modelPixelSpacingMm, [.. thresholds]);
        _targets = [.. placement.Matched.Select(m => new SweepTarget(m.Class, [.. DicomVolumeAdapter.ValuesOf(m.Class, classes).Select(v => (int)v)],
            m.Truth, grid.Depth, _thresholds.Length))];
        foreach (var target in _targets)
        {
            if (target.Truth.Size != grid.Size)
            {
                throw new ArgumentException($"ground truth of '{target.Class.Label}' is {target.Truth.Size}, the series {grid.Size}", nameof(placement));
            }
        }
    }

    /// <inheritdoc />
    public void Add(ProbabilitySlab slab, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slab);
        var sameSize = slab.Width == _grid.Width && slab.Height == _grid.Height && _spacing is null;
        Parallel.For(0, slab.Count, new ParallelOptions { CancellationToken = cancellationToken }, s =>
        {
            var z = slab.First + s;
            var map = sameSize ? null : InPlaneResampler.Map(_grid, z, slab.Width, slab.Height, toModel: false, _spacing);
            var summed = ArrayPool<float>.Shared.Rent(slab.Plane);
            var onGrid = ArrayPool<float>.Shared.Rent(_grid.Plane);
            try
            {
                foreach (var target in _targets)
                {
                    var model = summed.AsSpan(0, slab.Plane);
                    slab.Channel(s, target.Channels[0]).CopyTo(model);
                    foreach (var k in target.Channels.AsSpan(1))
                    {
                        System.Numerics.Tensors.TensorPrimitives.Add(model, slab.Channel(s, k), model);
                    }
                    var probability = onGrid.AsSpan(0, _grid.Plane);
                    InPlaneResampler.PlaneToSource(model, slab.Width, slab.Height, _grid, z, sameSize, map, 0f, _spacing, probability);
                    target.Count(z, probability, _thresholds);
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(summed);
                ArrayPool<float>.Shared.Return(onGrid);
            }
        });
    }

    /// <summary>The sweep of every matched class; throws when a slice was never seen (the pipeline did not finish).</summary>
    public IReadOnlyList<ReportThresholdSweep> Result()
    {
        var voxelMl = _grid.Geometry.Spacing.X * _grid.Geometry.Spacing.Y * _grid.Geometry.Spacing.Z / 1000.0;
        return [.. _targets.Select(t => new ReportThresholdSweep(t.Class.Index, t.Class.Label,
            [.. t.Totals().Select((counts, j) => new ReportSweepPoint(_thresholds[j],
                SegmentEvaluation.From(t.Class.Index, t.Class.Label, counts, voxelMl, null, null)))]))];
    }
}
