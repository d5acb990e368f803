using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Preprocessing;

/// <summary>
/// Pre-processing stage: every loaded slice resized in-plane to the model size (bilinear over the whole field of view, or
/// at the model's fixed pixel spacing centred on it; air outside), channels filled per layout (2.5-D neighbours from the slab's halo), intensity transform applied.
/// </summary>
public sealed class SlabPreprocessor
{
    /// <summary>Value outside the scanned field of view when resizing (air).</summary>
    public const float AirHu = -1024f;

    private readonly ModelInputSpec _spec;

    /// <summary>Prepares input for models with <paramref name="spec"/>.</summary>
    public SlabPreprocessor(ModelInputSpec spec, string modelId)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        _spec = spec;
    }

    /// <summary>The model's fixed pixel spacing (mm), or null when it takes the whole field of view at its size.</summary>
    public double? PixelSpacingMm => _spec.PixelSpacingMm;

    /// <summary>Neighbour slices the source must load either side of each slab.</summary>
    public int Halo => ChannelStacker.Halo(_spec);

    /// <summary>The model input for the core slices of <paramref name="slab"/>.</summary>
    public ModelInputSlab Prepare(HounsfieldSlab slab, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slab);
        var grid = slab.Grid;
        var resized = new float[slab.LoadedCount][];
        var sameSize = grid.Width == _spec.Width && grid.Height == _spec.Height && _spec.PixelSpacingMm is null;
        Parallel.For(0, slab.LoadedCount, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var z = slab.LoadedFirst + i;
            if (sameSize)
            {
                resized[i] = slab.Slice(z).ToArray();
            }
            else if (InPlaneResampler.Map(grid, z, _spec.Width, _spec.Height, toModel: true, _spec.PixelSpacingMm) is { } map)
            {
                resized[i] = new float[_spec.Width * _spec.Height];
                map.Apply(slab.Slice(z), resized[i], AirHu);
            }
            else
            {
                resized[i] = InPlaneResampler.ToModel(slab.Slice(z), grid, z, _spec.Width, _spec.Height, AirHu, _spec.PixelSpacingMm);
            }
        });
        var input = new float[slab.Count * _spec.Channels * _spec.Width * _spec.Height];
        ChannelStacker.Fill(_spec, slab.First, slab.Count, grid.Depth, z => resized[z - slab.LoadedFirst], input);
        _spec.Intensity.Apply(input);
        return new ModelInputSlab(slab.First, slab.Count, input);
    }
}
