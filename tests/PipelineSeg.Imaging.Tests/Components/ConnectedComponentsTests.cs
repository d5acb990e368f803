using PipelineSeg.Imaging.Components;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Imaging.Tests.Support;

namespace PipelineSeg.Imaging.Tests.Components;

public sealed class ConnectedComponentsTests
{
    private static Volume<byte> Mask() => NiftiFile.Read(Reference.Fixture("morph_mask.nii.gz")).ToLabels("mask");

    [SkippableTheory]
    [InlineData(Connectivity.Faces6, "6")]
    [InlineData(Connectivity.Edges18, "18")]
    [InlineData(Connectivity.Corners26, "26")]
    public void Component_sizes_and_slice_spans_match_scipy_label(Connectivity connectivity, string key)
    {
        var r = Reference.Root.GetProperty("morphology").GetProperty("components").GetProperty(key);
        var labeling = ConnectedComponents.Label(Mask(), connectivity);
        var bySize = labeling.Components.OrderBy(c => c.VoxelCount).ThenBy(c => c.SliceSpan).ToList();
        Assert.Equal(Reference.Ints(r.GetProperty("sizes")), bySize.Select(c => (int)c.VoxelCount));
        Assert.Equal(Reference.Ints(r.GetProperty("spans_by_size")), bySize.Select(c => c.SliceSpan));
        // labels are consistent with the component table
        for (var k = 1; k <= labeling.Count; k++)
        {
            var count = 0L;
            foreach (var l in labeling.Labels.Span)
            {
                count += l == k ? 1 : 0;
            }
            Assert.Equal(labeling.Components[k - 1].VoxelCount, count);
        }
    }

    [SkippableFact]
    public void Keep_largest_keeps_only_the_biggest_component_with_its_values()
    {
        var mask = new Volume<byte>(10, 10, 5);
        mask[1, 1, 1] = 2;
        for (var x = 4; x < 9; x++)
        {
            mask[x, 5, 2] = 7;
        }
        var kept = ConnectedComponents.KeepLargest(mask);
        Assert.Equal(0, kept[1, 1, 1]);
        Assert.Equal(7, kept[6, 5, 2]);
    }

    [SkippableFact]
    public void Remove_small_by_voxels_and_by_slice_span()
    {
        var mask = new Volume<byte>(8, 8, 8);
        for (var z = 0; z < 6; z++)
        {
            mask[1, 1, z] = 1; // 6 voxels over 6 slices
        }
        for (var x = 3; x < 8; x++)
        {
            for (var y = 3; y < 8; y++)
            {
                mask[x, y, 4] = 1; // 25 voxels on 1 slice
            }
        }
        var byVoxels = ConnectedComponents.RemoveSmall(mask, minVoxels: 10);
        Assert.Equal(0, byVoxels[1, 1, 0]);
        Assert.Equal(1, byVoxels[5, 5, 4]);
        var bySlices = ConnectedComponents.RemoveSmall(mask, minVoxels: 0, minSlices: 3);
        Assert.Equal(1, bySlices[1, 1, 0]);
        Assert.Equal(0, bySlices[5, 5, 4]);
    }
}
