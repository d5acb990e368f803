using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Tests.Sources;

public sealed class VolumeSourceTests
{
    [SkippableFact]
    public async Task Slabs_cover_the_series_in_order_with_the_halo_that_exists()
    {
        var ramp = SyntheticVolumes.Ramp(n: 2, depth: 5, step: 1);
        var slabs = new List<HounsfieldSlab>();
        await foreach (var slab in new InMemoryVolumeSource(ramp).ReadAsync(slabSlices: 2, halo: 1))
        {
            slabs.Add(slab);
        }

        Assert.Equal([(0, 2, 0, 1), (2, 2, 1, 1), (4, 1, 1, 0)], slabs.Select(s => (s.First, s.Count, s.HaloBefore, s.HaloAfter)));
        Assert.Equal(1f, slabs[1].Slice(1)[0]);
        Assert.Equal(4f, slabs[1].Slice(4)[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => slabs[1].Slice(0));
    }

    [SkippableFact]
    public async Task Dicom_slabs_hold_the_same_values_as_the_whole_series_loaded_at_once()
    {
        using var phantom = await PhantomFolder.CreateAsync(slices: 7);
        var scan = await DicomSeriesScanner.ScanAsync(phantom.CtFolder);
        var series = scan.Volumes.Single();
        var whole = await DicomVolumeLoader.LoadImageAsync(series);

        var source = new DicomVolumeSource(series);
        Assert.Equal((whole.Width, whole.Height, whole.Depth), (source.Grid.Width, source.Grid.Height, source.Grid.Depth));
        Assert.Equal(whole.Geometry, source.Grid.Geometry);
        var streamed = new List<float>();
        await foreach (var slab in source.ReadAsync(slabSlices: 3, halo: 2))
        {
            for (var z = slab.First; z < slab.First + slab.Count; z++)
            {
                streamed.AddRange(slab.Slice(z).ToArray());
            }
            Assert.Equal(whole.Array.AsSpan(slab.LoadedFirst * source.Grid.Plane, slab.LoadedCount * source.Grid.Plane).ToArray(), slab.Voxels);
        }
        Assert.Equal(whole.Array, streamed);
    }
}
