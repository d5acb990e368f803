namespace PipelineSeg.Reporting.Plots;

/// <summary>
/// One segment's voxels counted by their stored uncertainty byte (index = byte value 0–255), and the bytes per unit of
/// uncertainty: a histogram of a whole volume without a value per voxel.
/// </summary>
public sealed record UncertaintyCounts(string Segment, IReadOnlyList<long> PerByte, double Scale)
{
    /// <summary>Voxels counted.</summary>
    public long Total => PerByte.Sum();
}
