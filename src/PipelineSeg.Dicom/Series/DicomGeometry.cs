namespace PipelineSeg.Dicom;

/// <summary>
/// Where a [z][y][x] voxel grid lies in the patient (LPS, mm): voxel (i, j, k) is at
/// Origin + i·Spacing.X·RowDirection + j·Spacing.Y·ColumnDirection + k·Spacing.Z·SliceDirection.
/// </summary>
/// <param name="Origin">Centre of the first voxel of the first slice (its ImagePositionPatient).</param>
/// <param name="Spacing">X = between columns (along a row), Y = between rows, Z = between slices.</param>
/// <param name="RowDirection">Direction of increasing column index (first triplet of ImageOrientationPatient).</param>
/// <param name="ColumnDirection">Direction of increasing row index (second triplet).</param>
/// <param name="SliceDirection">Direction of increasing slice index; the plane normal unless the gantry was tilted.</param>
/// <param name="Columns">Voxels along x.</param>
/// <param name="Rows">Voxels along y.</param>
/// <param name="Slices">Voxels along z.</param>
public sealed record DicomGeometry(DicomVector3 Origin, DicomVector3 Spacing, DicomVector3 RowDirection,
    DicomVector3 ColumnDirection, DicomVector3 SliceDirection, int Columns, int Rows, int Slices)
{
    /// <summary>The plane normal RowDirection × ColumnDirection.</summary>
    public DicomVector3 Normal => RowDirection.Cross(ColumnDirection).Normalized();

    /// <summary>
    /// The 3×3 direction matrix, row-major, whose columns are the x, y and z axis directions (the convention of
    /// ITK/NIfTI and PipelineSeg.Imaging's VolumeGeometry).
    /// </summary>
    public double[] DirectionMatrix() =>
    [
        RowDirection.X, ColumnDirection.X, SliceDirection.X,
        RowDirection.Y, ColumnDirection.Y, SliceDirection.Y,
        RowDirection.Z, ColumnDirection.Z, SliceDirection.Z,
    ];

    /// <summary>Patient position of voxel (i, j, k).</summary>
    public DicomVector3 VoxelToPatient(double i, double j, double k) =>
        Origin + (RowDirection * (i * Spacing.X)) + (ColumnDirection * (j * Spacing.Y)) + (SliceDirection * (k * Spacing.Z));

    /// <summary>Position of slice <paramref name="k"/> (its ImagePositionPatient).</summary>
    public DicomVector3 SlicePosition(int k) => VoxelToPatient(0, 0, k);
}
