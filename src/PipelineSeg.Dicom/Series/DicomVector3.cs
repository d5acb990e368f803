namespace PipelineSeg.Dicom;

/// <summary>A 3-vector of doubles in the patient coordinate system (LPS, millimetres).</summary>
public readonly record struct DicomVector3(double X, double Y, double Z)
{
    /// <summary>Euclidean length.</summary>
    public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    /// <summary>Dot product.</summary>
    public double Dot(DicomVector3 other) => (X * other.X) + (Y * other.Y) + (Z * other.Z);

    /// <summary>Cross product.</summary>
    public DicomVector3 Cross(DicomVector3 o) => new((Y * o.Z) - (Z * o.Y), (Z * o.X) - (X * o.Z), (X * o.Y) - (Y * o.X));

    /// <summary>This vector scaled to unit length (unchanged when zero).</summary>
    public DicomVector3 Normalized()
    {
        var l = Length;
        return l > 0 ? new DicomVector3(X / l, Y / l, Z / l) : this;
    }

    /// <summary>Sum.</summary>
    public static DicomVector3 operator +(DicomVector3 a, DicomVector3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>Difference.</summary>
    public static DicomVector3 operator -(DicomVector3 a, DicomVector3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>Scaling.</summary>
    public static DicomVector3 operator *(DicomVector3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    /// <summary>Sum (named alternative for operator +).</summary>
    public static DicomVector3 Add(DicomVector3 a, DicomVector3 b) => a + b;

    /// <summary>Difference (named alternative for operator -).</summary>
    public static DicomVector3 Subtract(DicomVector3 a, DicomVector3 b) => a - b;

    /// <summary>Scaling (named alternative for operator *).</summary>
    public static DicomVector3 Multiply(DicomVector3 a, double s) => a * s;

    /// <summary>Reads three doubles from an attribute such as ImagePositionPatient; null when absent or invalid.</summary>
    public static DicomVector3? FromAttribute(DicomDataset dataset, DicomTag tag, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.TryGetDouble(tag, out var x, offset) && dataset.TryGetDouble(tag, out var y, offset + 1)
            && dataset.TryGetDouble(tag, out var z, offset + 2))
        {
            return new DicomVector3(x, y, z);
        }
        return null;
    }
}
