namespace PipelineSeg.Imaging.Distance;

/// <summary>An axis-aligned voxel box [Min, Max) in index space.</summary>
public readonly record struct Box3(int X0, int Y0, int Z0, int X1, int Y1, int Z1)
{
    /// <summary>True when the box holds no voxel.</summary>
    public bool IsEmpty => X1 <= X0 || Y1 <= Y0 || Z1 <= Z0;

    /// <summary>Size of the box.</summary>
    public VolumeSize Size => new(X1 - X0, Y1 - Y0, Z1 - Z0);

    /// <summary>The smallest box holding both.</summary>
    public static Box3 Union(Box3 a, Box3 b) =>
        a.IsEmpty ? b : b.IsEmpty ? a
        : new(Math.Min(a.X0, b.X0), Math.Min(a.Y0, b.Y0), Math.Min(a.Z0, b.Z0), Math.Max(a.X1, b.X1), Math.Max(a.Y1, b.Y1), Math.Max(a.Z1, b.Z1));

    /// <summary>The empty box.</summary>
    public static Box3 Empty => new(0, 0, 0, 0, 0, 0);
}
