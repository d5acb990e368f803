namespace PipelineSeg.Phantoms.Generation;

/// <summary>
/// An ellipsoid in patient millimetres (LPS), rotated about the cranio-caudal (z) axis, the way organs lie in an axial
/// CT. <see cref="NormalizedRadius"/> is 1 on the surface, &lt; 1 inside, and grows roughly linearly outside.
/// </summary>
public readonly record struct Ellipsoid
{
    private readonly double _cos;
    private readonly double _sin;

    /// <summary>Creates an ellipsoid centred at (cx, cy, cz) with semi-axes rx, ry, rz (mm) rotated by <paramref name="angleRadians"/> about z.</summary>
    public Ellipsoid(double cx, double cy, double cz, double rx, double ry, double rz, double angleRadians = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ry);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rz);
        (CenterX, CenterY, CenterZ, RadiusX, RadiusY, RadiusZ, Angle) = (cx, cy, cz, rx, ry, rz, angleRadians);
        _cos = Math.Cos(angleRadians);
        _sin = Math.Sin(angleRadians);
    }

    /// <summary>Centre x (mm, towards patient left).</summary>
    public double CenterX { get; }

    /// <summary>Centre y (mm, towards posterior).</summary>
    public double CenterY { get; }

    /// <summary>Centre z (mm, towards head).</summary>
    public double CenterZ { get; }

    /// <summary>Semi-axis along the rotated x axis (mm).</summary>
    public double RadiusX { get; }

    /// <summary>Semi-axis along the rotated y axis (mm).</summary>
    public double RadiusY { get; }

    /// <summary>Semi-axis along z (mm).</summary>
    public double RadiusZ { get; }

    /// <summary>Rotation about z (radians).</summary>
    public double Angle { get; }

    /// <summary>Mean semi-axis, used to turn a normalized radius into an approximate distance in mm.</summary>
    public double MeanRadius => (RadiusX + RadiusY + RadiusZ) / 3.0;

    /// <summary>True when the slab at <paramref name="z"/> can intersect the ellipsoid (cheap rejection).</summary>
    public bool SpansZ(double z, double margin = 0) => Math.Abs(z - CenterZ) <= RadiusZ + margin;

    /// <summary>True when the point can be inside (bounding-box rejection before the exact test).</summary>
    public bool MayContain(double x, double y, double z, double margin = 0)
    {
        var r = Math.Max(RadiusX, RadiusY) + margin;
        return Math.Abs(x - CenterX) <= r && Math.Abs(y - CenterY) <= r && Math.Abs(z - CenterZ) <= RadiusZ + margin;
    }

    /// <summary>sqrt of the quadratic form: 1 on the surface.</summary>
    public double NormalizedRadius(double x, double y, double z)
    {
        var dx = x - CenterX;
        var dy = y - CenterY;
        var u = ((_cos * dx) + (_sin * dy)) / RadiusX;
        var v = ((-_sin * dx) + (_cos * dy)) / RadiusY;
        var w = (z - CenterZ) / RadiusZ;
        return Math.Sqrt((u * u) + (v * v) + (w * w));
    }

    /// <summary>Approximate signed distance to the surface in mm (negative inside).</summary>
    public double SignedDistance(double x, double y, double z) => (NormalizedRadius(x, y, z) - 1.0) * MeanRadius;

    /// <summary>The same ellipsoid with every semi-axis multiplied by <paramref name="factor"/>.</summary>
    public Ellipsoid Scaled(double factor) =>
        new(CenterX, CenterY, CenterZ, RadiusX * factor, RadiusY * factor, RadiusZ * factor, Angle);
}
