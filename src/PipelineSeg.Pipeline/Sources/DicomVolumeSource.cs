using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Sources;

/// <summary>
/// Reads a DICOM series slab by slab (modality LUT / rescale applied), decoding only the slices of each slab, so the
/// series is never held as a float volume. Halo slices are decoded again by the next slab (2.5-D models only). Files are
/// read one after another: the pipeline decodes ahead on its own task while inference keeps the cores busy.
/// </summary>
public sealed class DicomVolumeSource : IVolumeSource
{
    private readonly DicomSeries _series;

    // Slab arrays handed back after pre-processing, reused for slabs of the same size: a long series would otherwise
    // leave megabytes of large-object garbage per slab for the GC to catch up with.
    private readonly ConcurrentBag<float[]> _released = [];

    /// <summary>Checks that <paramref name="series"/> is a volume (one geometry, equal spacing).</summary>
    /// <exception cref="InvalidDataException">The stack is not a volume; the message says why, without identifiers.</exception>
    public DicomVolumeSource(DicomSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!series.IsVolume || series.Geometry is null)
        {
            var why = series.Problems.Count > 0 ? string.Join("; ", series.Problems) : "no geometry";
            throw new InvalidDataException($"{DicomVolumeLoader.Describe(series)} is not a volume: {why}");
        }
        _series = series;
        Grid = new SlabGrid(series.Columns, series.Rows, series.Slices.Count, DicomVolumeAdapter.ToVolumeGeometry(series.Geometry));
    }

    /// <inheritdoc />
    public SlabGrid Grid { get; }

    /// <inheritdoc />
    public async IAsyncEnumerable<HounsfieldSlab> ReadAsync(int slabSlices, int halo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var range in SlabRange.Cover(Grid.Depth, slabSlices, halo))
        {
            var length = range.LoadedCount * Grid.Plane;
            if (!_released.TryTake(out var voxels) || voxels.Length != length)
            {
                voxels = GC.AllocateUninitializedArray<float>(length);
            }
            await Task.Run(() => DicomPixelLoader.LoadSlices(_series, range.LoadedFirst, range.LoadedCount, voxels, maxDegreeOfParallelism: 1, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            var lent = voxels;
            yield return new HounsfieldSlab(Grid, range.First, range.Count, range.HaloBefore, range.HaloAfter, voxels) { Release = () => _released.Add(lent) };
        }
    }
}
