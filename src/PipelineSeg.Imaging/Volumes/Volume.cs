using System.Runtime.InteropServices;

namespace PipelineSeg.Imaging;

/// <summary>
/// A 3D voxel grid laid out [z][y][x] (x fastest) with its placement in patient space.
/// Backed by one managed array (up to 2^31−1 voxels, e.g. 512×512×8191), so spans cover the whole volume.
/// </summary>
/// <typeparam name="T">Voxel type (byte for labels, float for images, …).</typeparam>
public sealed class Volume<T> where T : unmanaged
{
    private readonly T[] _data;

    /// <summary>Allocates a zero-filled volume.</summary>
    public Volume(VolumeSize size, VolumeGeometry? geometry = null)
        : this(size, geometry, AllocateZeroed(size))
    {
    }

    /// <summary>Allocates a zero-filled volume of nx × ny × nz voxels.</summary>
    public Volume(int nx, int ny, int nz, VolumeGeometry? geometry = null)
        : this(new VolumeSize(nx, ny, nz), geometry)
    {
    }

    /// <summary>Wraps an existing array of exactly size.VoxelCount elements, laid out [z][y][x] (not copied).</summary>
    public Volume(VolumeSize size, VolumeGeometry? geometry, T[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (size.X <= 0 || size.Y <= 0 || size.Z <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"volume size must be positive, got {size}");
        }
        if (data.LongLength != size.VoxelCount)
        {
            throw new ArgumentException($"data has {data.LongLength} elements, size {size} needs {size.VoxelCount}", nameof(data));
        }
        Size = size;
        Geometry = geometry ?? VolumeGeometry.Default;
        _data = data;
    }

    /// <summary>Voxel counts.</summary>
    public VolumeSize Size { get; }

    /// <summary>Placement in patient space (LPS).</summary>
    public VolumeGeometry Geometry { get; set; }

    /// <summary>Columns.</summary>
    public int Width => Size.X;

    /// <summary>Rows.</summary>
    public int Height => Size.Y;

    /// <summary>Slices.</summary>
    public int Depth => Size.Z;

    /// <summary>Total voxel count.</summary>
    public int Length => _data.Length;

    /// <summary>All voxels, [z][y][x].</summary>
    public Span<T> Span => _data;

    /// <summary>The backing array (for APIs that need one).</summary>
    public T[] Array => _data;

    /// <summary>All voxels as memory (for parallel code that cannot capture spans).</summary>
    public Memory<T> Memory => _data;

    /// <summary>Voxels of slice z.</summary>
    public Span<T> Slice(int z) => _data.AsSpan(z * Size.SliceLength, Size.SliceLength);

    /// <summary>Voxels of row y of slice z.</summary>
    public Span<T> Row(int z, int y) => _data.AsSpan((z * Size.SliceLength) + (y * Size.X), Size.X);

    /// <summary>Linear index of (x, y, z).</summary>
    public int IndexOf(int x, int y, int z) => (((z * Size.Y) + y) * Size.X) + x;

    /// <summary>Voxel (x, y, z).</summary>
    public ref T this[int x, int y, int z] => ref _data[IndexOf(x, y, z)];

    /// <summary>Raw bytes of all voxels (little-endian on this platform).</summary>
    public Span<byte> AsBytes() => MemoryMarshal.AsBytes(_data.AsSpan());

    /// <summary>A zero-filled volume with the same size and geometry.</summary>
    public Volume<TOther> CreateLike<TOther>() where TOther : unmanaged => new(Size, Geometry);

    /// <summary>A deep copy.</summary>
    public Volume<T> Clone() => new(Size, Geometry, (T[])_data.Clone());

    private static T[] AllocateZeroed(VolumeSize size)
    {
        if (size.VoxelCount > System.Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"volume {size} has more than {System.Array.MaxLength} voxels");
        }
        return new T[size.VoxelCount];
    }
}
