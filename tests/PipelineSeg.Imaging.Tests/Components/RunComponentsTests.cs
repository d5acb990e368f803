using PipelineSeg.Imaging.Components;
using PipelineSeg.Imaging.Labels;

namespace PipelineSeg.Imaging.Tests.Components;

public sealed class RunComponentsTests
{
    /// <summary>Random labels 0–3, sparse (below the percolation threshold) with short runs along x, so runs touch at faces, edges and corners.</summary>
    private static Volume<byte> RandomLabels(int seed, int n = 23)
    {
        var random = new Random(seed);
        var volume = new Volume<byte>(n, n - 3, n - 7);
        for (var i = 0; i < volume.Length; i++)
        {
            volume.Array[i] = i % n > 0 && random.NextDouble() < 0.5
                ? volume.Array[i - 1]
                : random.NextDouble() < 0.05 ? (byte)random.Next(1, 4) : (byte)0;
        }
        return volume;
    }

    [SkippableTheory]
    [InlineData(Connectivity.Faces6, 1)]
    [InlineData(Connectivity.Edges18, 2)]
    [InlineData(Connectivity.Corners26, 3)]
    [InlineData(Connectivity.Corners26, 4)]
    public void Components_match_voxel_labelling_in_order_size_and_extent(Connectivity connectivity, int seed)
    {
        var labels = RandomLabels(seed);
        foreach (var values in new byte[][] { [1], [1, 2], [1, 2, 3] })
        {
            var voxels = ConnectedComponents.Label(LabelMasks.Of(labels, values), connectivity);
            var runs = RunComponents.Label(labels, LabelMasks.Table(values), connectivity);
            Assert.True(voxels.Count > 10);
            Assert.Equal(voxels.Components, runs.Components);
        }
    }

    [SkippableTheory]
    [InlineData(5)]
    [InlineData(6)]
    public void Clearing_small_components_equals_remove_small_on_a_mask(int seed)
    {
        var labels = RandomLabels(seed);
        var expected = ConnectedComponents.RemoveSmall(LabelMasks.Of(labels, 2), minVoxels: 4, minSlices: 2);
        var cleared = new Volume<byte>(labels.Size, labels.Geometry, [.. labels.Array]);
        RunComponents.Label(cleared, LabelMasks.Table([2])).Clear(cleared, c => c.VoxelCount < 4 || c.SliceSpan < 2);
        for (var i = 0; i < labels.Length; i++)
        {
            // class-2 voxels survive exactly where the mask-based removal keeps them; other labels are untouched
            var want = labels.Array[i] == 2 ? (expected.Array[i] != 0 ? (byte)2 : (byte)0) : labels.Array[i];
            Assert.Equal(want, cleared.Array[i]);
        }
    }

    [SkippableFact]
    public void Runs_are_per_row_stretches_and_rows_wider_than_a_vector_are_scanned_whole()
    {
        var volume = new Volume<byte>(200, 3, 2);
        for (var x = 0; x < 200; x++)
        {
            volume[x, 1, 0] = x is (>= 70 and < 130) or 199 ? (byte)1 : (byte)0; // two runs, one at the row's very end
        }
        volume[0, 0, 1] = 1; // touches (70..130, 1, 0)? no: x 0 is far away, its own component
        volume[130, 2, 1] = 1; // diagonal (dx 1, dy 1, dz 1) neighbour of the run ending at 129: 26-connected only
        var c26 = RunComponents.Label(volume, LabelMasks.Foreground());
        Assert.Equal(4, c26.RunCount);
        Assert.Equal([1L, 1, 61], c26.Components.Select(c => c.VoxelCount).Order());
        var c18 = RunComponents.Label(volume, LabelMasks.Foreground(), Connectivity.Edges18);
        Assert.Equal(4, c18.Count);
    }
}
