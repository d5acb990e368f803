using System.Collections.Concurrent;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Preprocessing;

/// <summary>
/// Pre-processing stage: every loaded slice resized in-plane to the model size (bilinear over the whole field of view, or
/// at the model's fixed pixel spacing centred on it; air outside), channels filled per layout (2.5-D neighbours from the slab's halo; R, G, B
/// planes of a colour slab for an RGB model, each resized like a grey slice), intensity transform applied.
/// </summary>
public sealed class SlabPreprocessor
{
    /// <summary>Value outside the scanned field of view when resizing (air).</summary>
    public const float AirHu = -1024f;

    private readonly ModelInputSpec _spec;
    private readonly string _modelId;
    private readonly ConcurrentBag<float[]> _releasedInputs = [];
    private readonly ConcurrentBag<float[]> _planes = [];

    /// <summary>Prepares input for models with <paramref name="spec"/>.</summary>
    public SlabPreprocessor(ModelInputSpec spec, string modelId)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        _spec = spec;
        _modelId = modelId;
    }

    /// <summary>The model's fixed pixel spacing (mm), or null when it takes the whole field of view at its size.</summary>
    public double? PixelSpacingMm => _spec.PixelSpacingMm;

    /// <summary>Neighbour slices the source must load either side of each slab.</summary>
    public int Halo => ChannelStacker.Halo(_spec);

    /// <summary>The model input for the core slices of <paramref name="slab"/>; its <see cref="ModelInputSlab.Release"/> lends the tensor back.</summary>
    /// <exception cref="InvalidDataException">The slab is colour and the model takes grey input.</exception>
    public ModelInputSlab Prepare(HounsfieldSlab slab, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slab);
        var colour = slab.Samples == 3;
        if (slab.Samples != 1 && !(colour && _spec.Color == InputColor.Rgb))
        {
            throw new InvalidDataException($"the series is colour ({slab.Samples} samples per pixel) but model '{_modelId}' takes grey input");
        }
        var grid = slab.Grid;
        var size = _spec.Width * _spec.Height;
        var resized = new float[slab.LoadedCount * slab.Samples][];
        var sameSize = grid.Width == _spec.Width && grid.Height == _spec.Height && _spec.PixelSpacingMm is null;
        // Outside the field of view: air for grey levels, black for colour.
        var outside = colour ? 0f : AirHu;
        for (var i = 0; i < slab.LoadedCount; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var z = slab.LoadedFirst + i;
            var map = sameSize ? null : InPlaneResampler.Map(grid, z, _spec.Width, _spec.Height, toModel: true, _spec.PixelSpacingMm);
            for (var c = 0; c < slab.Samples; c++)
            {
                var plane = resized[(i * slab.Samples) + c] = Rent(_planes, size);
                var source = slab.Sample(z, c);
                if (sameSize)
                {
                    source.CopyTo(plane);
                }
                else if (map is not null)
                {
                    map.Apply(source, plane, outside);
                }
                else
                {
                    InPlaneResampler.ToModel(source, grid, z, _spec.Width, _spec.Height, outside, _spec.PixelSpacingMm).CopyTo(plane, 0);
                }
            }
        }
        var input = Rent(_releasedInputs, slab.Count * _spec.Channels * size);
        if (colour)
        {
            ChannelStacker.FillColour(_spec, slab.Count, (s, c) => resized[((s + slab.HaloBefore) * 3) + c], input);
        }
        else
        {
            ChannelStacker.Fill(_spec, slab.First, slab.Count, grid.Depth, z => resized[z - slab.LoadedFirst], input);
        }
        foreach (var plane in resized)
        {
            _planes.Add(plane);
        }
        _spec.Intensity.Apply(input);
        ChannelNormalization.Apply(_spec, input, slab.Count);
        return new ModelInputSlab(slab.First, slab.Count, input) { Release = () => _releasedInputs.Add(input) };
    }

    /// <summary>A handed-back array of <paramref name="length"/> values, or a new one (every value is written before use).</summary>
    private static float[] Rent(ConcurrentBag<float[]> pool, int length)
    {
        // Arrays of another length (the last, shorter slab) are dropped: the pool holds a few of one size.
        while (pool.TryTake(out var array))
        {
            if (array.Length == length)
            {
                return array;
            }
        }
        return GC.AllocateUninitializedArray<float>(length);
    }
}
