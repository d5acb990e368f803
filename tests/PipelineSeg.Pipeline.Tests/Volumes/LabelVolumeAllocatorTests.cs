using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Tests.Volumes;

public sealed class LabelVolumeAllocatorTests
{
    [SkippableTheory]
    [InlineData(64, 64, 3)] // small: an ordinary array
    [InlineData(512, 512, 21)] // 5.5 MB: prefaulted on Linux
    public void A_label_volume_is_zeroed_on_its_grid_even_where_the_GC_reuses_memory(int width, int height, int depth)
    {
        var geometry = new VolumeGeometry(new Vec3(-10, 20, 5), new Vec3(0.7, 0.7, 2), Matrix3.Identity);
        var grid = new SlabGrid(width, height, depth, geometry);
        for (var round = 0; round < 3; round++)
        {
            var labels = LabelVolumeAllocator.Allocate(grid);

            Assert.Equal(grid.Size, labels.Size);
            Assert.Equal(geometry, labels.Geometry);
            Assert.True(labels.Array.AsSpan().IndexOfAnyExcept((byte)0) < 0);
            labels.Array.AsSpan().Fill(7); // garbage a reused region would bring back
        }
    }
}
