namespace PipelineSeg.Imaging;

/// <summary>Voxel counts along x (columns), y (rows) and z (slices).</summary>
public readonly record struct VolumeSize(int X, int Y, int Z)
{
    /// <summary>Voxels in one z slice.</summary>
    public int SliceLength => checked(X * Y);

    /// <summary>Total voxel count.</summary>
    public long VoxelCount => (long)X * Y * Z;

    /// <summary>Count along axis 0..2.</summary>
    public int this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis)),
    };

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{X}×{Y}×{Z}");
}
