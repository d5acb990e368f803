namespace PipelineSeg.Imaging;

/// <summary>
/// Placement of a voxel grid in patient space (DICOM LPS, millimetres): world = Origin + Direction · (Spacing ⊙ index),
/// where index = (x, y, z) and Direction's columns are the unit directions of the x, y and z index axes.
/// </summary>
public sealed record VolumeGeometry(Vec3 Origin, Vec3 Spacing, Matrix3 Direction)
{
    /// <summary>Identity direction, zero origin, unit spacing.</summary>
    public static VolumeGeometry Default { get; } = new(Vec3.Zero, new Vec3(1, 1, 1), Matrix3.Identity);

    /// <summary>Identity direction and zero origin with the given spacing.</summary>
    public static VolumeGeometry WithSpacing(double x, double y, double z) => new(Vec3.Zero, new Vec3(x, y, z), Matrix3.Identity);

    /// <summary>World position (LPS mm) of a continuous index.</summary>
    public Vec3 IndexToWorld(Vec3 index) =>
        Origin + (Direction * new Vec3(index.X * Spacing.X, index.Y * Spacing.Y, index.Z * Spacing.Z));

    /// <summary>World position (LPS mm) of voxel (x, y, z).</summary>
    public Vec3 IndexToWorld(double x, double y, double z) => IndexToWorld(new Vec3(x, y, z));

    /// <summary>Continuous index of a world position (LPS mm).</summary>
    public Vec3 WorldToIndex(Vec3 world)
    {
        var v = Direction.Inverse() * (world - Origin);
        return new Vec3(v.X / Spacing.X, v.Y / Spacing.Y, v.Z / Spacing.Z);
    }

    /// <summary>The 4×4 index→LPS affine, row-major (last row 0 0 0 1).</summary>
    public double[] ToLpsAffine()
    {
        var a = new double[16];
        for (var c = 0; c < 3; c++)
        {
            var col = Direction.Column(c) * Spacing[c];
            a[c] = col.X;
            a[4 + c] = col.Y;
            a[8 + c] = col.Z;
        }
        a[3] = Origin.X;
        a[7] = Origin.Y;
        a[11] = Origin.Z;
        a[15] = 1;
        return a;
    }

    /// <summary>The 4×4 index→RAS affine (NIfTI / nibabel convention), row-major.</summary>
    public double[] ToRasAffine()
    {
        var a = ToLpsAffine();
        for (var c = 0; c < 4; c++)
        {
            a[c] = -a[c];
            a[4 + c] = -a[4 + c];
        }
        return a;
    }

    /// <summary>Builds a geometry from a 4×4 index→LPS affine (row-major, at least 12 values); columns may carry shear.</summary>
    public static VolumeGeometry FromLpsAffine(ReadOnlySpan<double> a)
    {
        var c0 = new Vec3(a[0], a[4], a[8]);
        var c1 = new Vec3(a[1], a[5], a[9]);
        var c2 = new Vec3(a[2], a[6], a[10]);
        var spacing = new Vec3(c0.Length, c1.Length, c2.Length);
        if (spacing.X == 0 || spacing.Y == 0 || spacing.Z == 0)
        {
            throw new ArgumentException("affine has a zero-length axis");
        }
        return new VolumeGeometry(new Vec3(a[3], a[7], a[11]), spacing, Matrix3.FromColumns(c0.Normalized(), c1.Normalized(), c2.Normalized()));
    }

    /// <summary>Builds a geometry from a 4×4 index→RAS affine (row-major).</summary>
    public static VolumeGeometry FromRasAffine(ReadOnlySpan<double> ras)
    {
        Span<double> lps = stackalloc double[12];
        ras[..12].CopyTo(lps);
        for (var c = 0; c < 4; c++)
        {
            lps[c] = -lps[c];
            lps[4 + c] = -lps[4 + c];
        }
        return FromLpsAffine(lps);
    }

    /// <summary>True when origin, spacing and direction agree within the tolerances (mm, and unitless for directions).</summary>
    public bool IsCloseTo(VolumeGeometry other, double toleranceMm = 1e-3, double directionTolerance = 1e-4) =>
        Vec3.MaxAbsDifference(Origin, other.Origin) <= toleranceMm
        && Vec3.MaxAbsDifference(Spacing, other.Spacing) <= toleranceMm
        && Matrix3.MaxAbsDifference(Direction, other.Direction) <= directionTolerance;

    /// <inheritdoc />
    public override string ToString() => $"origin {Origin}, spacing {Spacing}, direction [{Direction.Column(0)} {Direction.Column(1)} {Direction.Column(2)}]";
}
