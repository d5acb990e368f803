using PipelineSeg.Imaging.Labels;

namespace PipelineSeg.Imaging.Distance;

/// <summary>Bounding boxes, box crops (split by <see cref="LabelMasks"/>) and surfaces of one label of a label volume.</summary>
internal static class LabelMask
{
    /// <summary>Bounding box of voxels equal to label (or non-zero when label is null), scanning slices in parallel.</summary>
    public static Box3 BoundingBox(byte[] labels, VolumeSize size, byte? label)
    {
        var perSlice = new Box3[size.Z];
        var nx = size.X;
        var ny = size.Y;
        Parallel.For(0, size.Z, z =>
        {
            int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
            for (var y = 0; y < ny; y++)
            {
                var row = labels.AsSpan(((z * ny) + y) * nx, nx);
                var first = label is { } l ? row.IndexOf(l) : row.IndexOfAnyExcept((byte)0);
                if (first < 0)
                {
                    continue;
                }
                var last = label is { } l2 ? row.LastIndexOf(l2) : row.LastIndexOfAnyExcept((byte)0);
                x0 = Math.Min(x0, first);
                x1 = Math.Max(x1, last);
                y0 = Math.Min(y0, y);
                y1 = Math.Max(y1, y);
            }
            perSlice[z] = x1 < 0 ? Box3.Empty : new Box3(x0, y0, z, x1 + 1, y1 + 1, z + 1);
        });
        return perSlice.Aggregate(Box3.Empty, Box3.Union);
    }

    /// <summary>Copies the box of a label volume into a 0/1 mask of the box's size.</summary>
    public static byte[] Crop(byte[] labels, VolumeSize size, byte? label, Box3 box)
    {
        var bs = box.Size;
        var mask = new byte[bs.VoxelCount];
        var include = label is { } l ? LabelMasks.Table([l]) : LabelMasks.Foreground();
        Parallel.For(0, bs.Z, z =>
        {
            for (var y = 0; y < bs.Y; y++)
            {
                var src = labels.AsSpan((((z + box.Z0) * size.Y) + y + box.Y0) * size.X + box.X0, bs.X);
                LabelMasks.Split(src, include, mask.AsSpan(((z * bs.Y) + y) * bs.X, bs.X));
            }
        });
        return mask;
    }

    /// <summary>
    /// Surface voxels (medpy): foreground voxels with a 6-connected background neighbour; voxels outside the array count
    /// as background (binary_erosion's border_value = 0). With <paramref name="inPlane"/>, only the 4 in-plane neighbours count
    /// (medpy on a 2D slice).
    /// </summary>
    public static byte[] Surface(byte[] mask, VolumeSize size, bool inPlane = false)
    {
        var surface = new byte[mask.Length];
        int nx = size.X, ny = size.Y, nz = size.Z, slice = nx * ny;
        Parallel.For(0, nz, z =>
        {
            for (var y = 0; y < ny; y++)
            {
                var row = ((z * ny) + y) * nx;
                for (var x = 0; x < nx; x++)
                {
                    var i = row + x;
                    if (mask[i] == 0)
                    {
                        continue;
                    }
                    var interior = x > 0 && mask[i - 1] != 0 && x < nx - 1 && mask[i + 1] != 0
                        && y > 0 && mask[i - nx] != 0 && y < ny - 1 && mask[i + nx] != 0
                        && (inPlane || (z > 0 && mask[i - slice] != 0 && z < nz - 1 && mask[i + slice] != 0));
                    surface[i] = (byte)(interior ? 0 : 1);
                }
            }
        });
        return surface;
    }
}
