using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Stages;

namespace PipelineSeg.Comparison.Running;

/// <summary>
/// Collects the compared segment's probability on the case's grid from the pipeline's smoothed slabs (the ones its labels
/// are decided from): the segment's class planes summed at model size, resampled in-plane onto the source grid exactly
/// as the labeller resamples them (bilinear, 0 outside the model's field of view).
/// </summary>
internal sealed class CaseProbability : ISlabObserver
{
    private readonly SlabGrid _grid;
    private readonly IReadOnlyList<int> _classes;
    private readonly double? _spacing;

    public CaseProbability(SlabGrid grid, IReadOnlyList<int> classIndices, double? modelPixelSpacingMm)
    {
        (_grid, _classes, _spacing) = (grid, classIndices, modelPixelSpacingMm);
        Map = new Volume<float>(grid.Size, grid.Geometry);
    }

    /// <summary>The probability map on the source grid.</summary>
    public Volume<float> Map { get; }

    /// <summary>Adds the slices of <paramref name="slab"/>.</summary>
    public void Add(ProbabilitySlab slab, CancellationToken cancellationToken)
    {
        var sameSize = slab.Width == _grid.Width && slab.Height == _grid.Height && _spacing is null;
        for (var s = 0; s < slab.Count; s++)
        {
            var z = slab.First + s;
            var plane = new float[slab.Plane];
            foreach (var k in _classes)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(plane, slab.Channel(s, k), plane);
            }
            var map = sameSize ? null : InPlaneResampler.Map(_grid, z, slab.Width, slab.Height, toModel: false, _spacing);
            InPlaneResampler.PlaneToSource(plane, slab.Width, slab.Height, _grid, z, sameSize, map, 0f, _spacing, Map.Slice(z));
        }
    }
}
