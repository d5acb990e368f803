namespace PipelineSeg.Imaging.Components;

/// <summary>One connected component: its label in the label volume, voxel count and z extent.</summary>
public sealed record ComponentInfo(int Label, long VoxelCount, int ZMin, int ZMax)
{
    /// <summary>Number of z slices the component touches.</summary>
    public int SliceSpan => ZMax - ZMin + 1;
}
