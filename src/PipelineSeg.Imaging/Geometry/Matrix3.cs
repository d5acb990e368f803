namespace PipelineSeg.Imaging;

/// <summary>
/// A 3×3 matrix of doubles stored row-major. For volume directions the columns are the
/// world directions (LPS) of the x, y and z index axes.
/// </summary>
public readonly record struct Matrix3(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    /// <summary>The identity matrix.</summary>
    public static Matrix3 Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>Builds a matrix from its three columns.</summary>
    public static Matrix3 FromColumns(Vec3 c0, Vec3 c1, Vec3 c2) =>
        new(c0.X, c1.X, c2.X, c0.Y, c1.Y, c2.Y, c0.Z, c1.Z, c2.Z);

    /// <summary>Column 0..2.</summary>
    public Vec3 Column(int index) => index switch
    {
        0 => new Vec3(M00, M10, M20),
        1 => new Vec3(M01, M11, M21),
        2 => new Vec3(M02, M12, M22),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>Element (row, column).</summary>
    public double this[int row, int column] => Column(column)[row];

    /// <summary>Matrix × vector.</summary>
    public static Vec3 operator *(Matrix3 m, Vec3 v) => new(
        (m.M00 * v.X) + (m.M01 * v.Y) + (m.M02 * v.Z),
        (m.M10 * v.X) + (m.M11 * v.Y) + (m.M12 * v.Z),
        (m.M20 * v.X) + (m.M21 * v.Y) + (m.M22 * v.Z));

    /// <summary>Matrix product.</summary>
    public static Matrix3 operator *(Matrix3 a, Matrix3 b) =>
        FromColumns(a * b.Column(0), a * b.Column(1), a * b.Column(2));

    /// <summary>Determinant.</summary>
    public double Determinant =>
        (M00 * ((M11 * M22) - (M12 * M21))) - (M01 * ((M10 * M22) - (M12 * M20))) + (M02 * ((M10 * M21) - (M11 * M20)));

    /// <summary>Transpose.</summary>
    public Matrix3 Transposed() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    /// <summary>Inverse; throws when the matrix is singular.</summary>
    public Matrix3 Inverse()
    {
        var det = Determinant;
        if (Math.Abs(det) < 1e-12)
        {
            throw new InvalidOperationException("direction matrix is singular");
        }
        var inv = 1.0 / det;
        return new Matrix3(
            ((M11 * M22) - (M12 * M21)) * inv, ((M02 * M21) - (M01 * M22)) * inv, ((M01 * M12) - (M02 * M11)) * inv,
            ((M12 * M20) - (M10 * M22)) * inv, ((M00 * M22) - (M02 * M20)) * inv, ((M02 * M10) - (M00 * M12)) * inv,
            ((M10 * M21) - (M11 * M20)) * inv, ((M01 * M20) - (M00 * M21)) * inv, ((M00 * M11) - (M01 * M10)) * inv);
    }

    /// <summary>Largest absolute element difference.</summary>
    public static double MaxAbsDifference(Matrix3 a, Matrix3 b)
    {
        var d = 0.0;
        for (var c = 0; c < 3; c++)
        {
            d = Math.Max(d, Vec3.MaxAbsDifference(a.Column(c), b.Column(c)));
        }
        return d;
    }
}
