using System.Buffers;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Postprocessing;

/// <summary>
/// Resamples per-class float planes of a slab at model size onto the source grid (bilinear, 0 outside the field of view)
/// and stores them as bytes, <c>scale</c> per unit: the one way per-class maps reach the source grid without floats.
/// </summary>
internal static class ClassPlaneQuantiser
{
    /// <summary>Writes class <paramref name="classIndices"/>[m]'s planes of <paramref name="data"/> ([Count, Classes, H, W]) into <paramref name="maps"/>[m].</summary>
    public static void Add(SlabGrid grid, ProbabilitySlab slab, float[] data, int[] classIndices, IReadOnlyList<Volume<byte>> maps, double scale, double? pixelSpacingMm)
    {
        var sameSize = slab.Width == grid.Width && slab.Height == grid.Height && pixelSpacingMm is null;
        Parallel.For(0, slab.Count, s =>
        {
            var z = slab.First + s;
            var map = sameSize ? null : InPlaneResampler.Map(grid, z, slab.Width, slab.Height, toModel: false, pixelSpacingMm);
            var rented = ArrayPool<float>.Shared.Rent(grid.Plane);
            var source = rented.AsSpan(0, grid.Plane);
            for (var m = 0; m < classIndices.Length; m++)
            {
                var plane = data.AsSpan(((s * slab.Classes) + classIndices[m]) * slab.Plane, slab.Plane);
                InPlaneResampler.PlaneToSource(plane, slab.Width, slab.Height, grid, z, sameSize, map, 0f, pixelSpacingMm, source);
                var target = maps[m].Slice(z);
                for (var i = 0; i < source.Length; i++)
                {
                    target[i] = (byte)Math.Clamp(Math.Round(source[i] * scale), 0, 255);
                }
            }
            ArrayPool<float>.Shared.Return(rented);
        });
    }
}
