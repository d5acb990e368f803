using System.Collections.Concurrent;
using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Sources;

/// <summary>
/// Reads a DICOM series slab by slab (modality LUT / rescale applied), decoding only the slices of each slab, so the
/// series is never held as a float volume. Halo slices are decoded again by the next slab (2.5-D models only). Files are
/// read one after another: the pipeline decodes ahead on its side thread while inference keeps the other cores busy. A colour
/// series gives slabs of R, G, B planes (<see cref="HounsfieldSlab.Samples"/> 3, see <see cref="DicomColourLoader"/>).
/// </summary>
public sealed class DicomVolumeSource : IVolumeSource
{
    private readonly DicomSeries _series;
    private readonly int _samples;

    // Slab arrays handed back after pre-processing, reused for slabs of the same size: a long series would otherwise
    // leave megabytes of large-object garbage per slab for the GC to catch up with.
    private readonly ConcurrentBag<float[]> _released = [];

    /// <summary>Checks that <paramref name="series"/> is a volume (one geometry, equal spacing).</summary>
    /// <exception cref="InvalidDataException">The stack is not a volume, or its colour is stored in a way that is not read; the message says why, without identifiers.</exception>
    public DicomVolumeSource(DicomSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!series.IsVolume || series.Geometry is null)
        {
            var why = series.Problems.Count > 0 ? string.Join("; ", series.Problems) : "no geometry";
            throw new InvalidDataException($"{DicomVolumeLoader.Describe(series)} is not a volume: {why}");
        }
        if (series.IsColour && series.TransferSyntaxUids
                .Select(uid => ColourPixels.Problem(uid, series.PhotometricInterpretation, series.SamplesPerPixel, 8))
                .FirstOrDefault(p => p is not null) is { } problem)
        {
            throw new InvalidDataException($"{DicomVolumeLoader.Describe(series)} cannot be read as RGB: {problem}");
        }
        _series = series;
        _samples = series.IsColour ? 3 : 1;
        Grid = new SlabGrid(series.Columns, series.Rows, series.Slices.Count, DicomVolumeAdapter.ToVolumeGeometry(series.Geometry));
    }

    /// <inheritdoc />
    public SlabGrid Grid { get; }

    /// <inheritdoc />
    /// <remarks>Decoding runs on the thread that asks for the next slab (the pipeline's side thread), not on the thread pool.</remarks>
    public IAsyncEnumerable<HounsfieldSlab> ReadAsync(int slabSlices, int halo, CancellationToken cancellationToken = default) =>
        Read(slabSlices, halo, cancellationToken).ToAsyncEnumerable();

    private IEnumerable<HounsfieldSlab> Read(int slabSlices, int halo, CancellationToken cancellationToken)
    {
        foreach (var range in SlabRange.Cover(Grid.Depth, slabSlices, halo))
        {
            var length = range.LoadedCount * _samples * Grid.Plane;
            if (!_released.TryTake(out var voxels) || voxels.Length != length)
            {
                voxels = GC.AllocateUninitializedArray<float>(length);
            }
            Load(range, voxels, cancellationToken);
            var lent = voxels;
            yield return new HounsfieldSlab(Grid, range.First, range.Count, range.HaloBefore, range.HaloAfter, voxels)
            {
                Samples = _samples,
                Release = () => _released.Add(lent),
            };
        }
    }

    private void Load(SlabRange range, float[] voxels, CancellationToken cancellationToken)
    {
        if (_samples == 3)
        {
            DicomColourLoader.LoadSlices(_series, range.LoadedFirst, range.LoadedCount, voxels, cancellationToken);
        }
        else
        {
            DicomPixelLoader.LoadSlices(_series, range.LoadedFirst, range.LoadedCount, voxels, maxDegreeOfParallelism: 1, cancellationToken);
        }
    }
}
