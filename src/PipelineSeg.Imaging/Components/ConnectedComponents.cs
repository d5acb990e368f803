using System.Runtime.InteropServices;

namespace PipelineSeg.Imaging.Components;

/// <summary>3D connected components of non-zero voxels (union–find over one raster pass), keep-largest and small-component removal.</summary>
public static class ConnectedComponents
{
    /// <summary>Labels the components of non-zero voxels.</summary>
    public static ComponentLabeling Label(Volume<byte> mask, Connectivity connectivity = Connectivity.Corners26)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var size = mask.Size;
        int nx = size.X, ny = size.Y, nz = size.Z;
        var m = mask.Array;
        var labels = new Volume<int>(size, mask.Geometry);
        var l = labels.Array;
        var parent = new List<int> { 0 };
        var preceding = Neighbourhood.Preceding(connectivity);
        for (var z = 0; z < nz; z++)
        {
            for (var y = 0; y < ny; y++)
            {
                var row = ((z * ny) + y) * nx;
                for (var x = 0; x < nx; x++)
                {
                    var i = row + x;
                    if (m[i] == 0)
                    {
                        continue;
                    }
                    var current = 0;
                    foreach (var (dx, dy, dz) in preceding)
                    {
                        int xx = x + dx, yy = y + dy, zz = z + dz;
                        if ((uint)xx >= (uint)nx || (uint)yy >= (uint)ny || zz < 0)
                        {
                            continue;
                        }
                        var n = l[i + (((dz * ny) + dy) * nx) + dx];
                        if (n == 0)
                        {
                            continue;
                        }
                        current = current == 0 ? DisjointSets.Find(CollectionsMarshal.AsSpan(parent), n) : DisjointSets.Union(CollectionsMarshal.AsSpan(parent), current, n);
                    }
                    if (current == 0)
                    {
                        current = parent.Count;
                        parent.Add(current);
                    }
                    l[i] = current;
                }
            }
        }
        // second pass: final labels numbered in order of first appearance
        var final = new int[parent.Count];
        var infos = new List<(long Count, int ZMin, int ZMax)>();
        for (var z = 0; z < nz; z++)
        {
            var off = z * nx * ny;
            for (var i = off; i < off + (nx * ny); i++)
            {
                if (l[i] == 0)
                {
                    continue;
                }
                var root = DisjointSets.Find(CollectionsMarshal.AsSpan(parent), l[i]);
                if (final[root] == 0)
                {
                    infos.Add((0, z, z));
                    final[root] = infos.Count;
                }
                var f = final[root];
                l[i] = f;
                var (c, z0, _) = infos[f - 1];
                infos[f - 1] = (c + 1, z0, z);
            }
        }
        return new ComponentLabeling(labels, infos.Select((t, k) => new ComponentInfo(k + 1, t.Count, t.ZMin, t.ZMax)).ToList());
    }

    /// <summary>Keeps the <paramref name="count"/> largest components (values unchanged), clears the rest.</summary>
    public static Volume<byte> KeepLargest(Volume<byte> mask, int count = 1, Connectivity connectivity = Connectivity.Corners26)
    {
        var labeling = Label(mask, connectivity);
        var keep = labeling.Components.OrderByDescending(c => c.VoxelCount).ThenBy(c => c.Label).Take(count).Select(c => c.Label).ToHashSet();
        return Filter(mask, labeling, keep);
    }

    /// <summary>Removes components with fewer than <paramref name="minVoxels"/> voxels or spanning fewer than <paramref name="minSlices"/> z slices.</summary>
    public static Volume<byte> RemoveSmall(Volume<byte> mask, long minVoxels, int minSlices = 0, Connectivity connectivity = Connectivity.Corners26)
    {
        var labeling = Label(mask, connectivity);
        var keep = labeling.Components.Where(c => c.VoxelCount >= minVoxels && c.SliceSpan >= minSlices).Select(c => c.Label).ToHashSet();
        return Filter(mask, labeling, keep);
    }

    private static Volume<byte> Filter(Volume<byte> mask, ComponentLabeling labeling, HashSet<int> keep)
    {
        var keepFlags = new bool[labeling.Count + 1];
        foreach (var k in keep)
        {
            keepFlags[k] = true;
        }
        var result = mask.CreateLike<byte>();
        var src = mask.Span;
        var lab = labeling.Labels.Span;
        var dst = result.Span;
        for (var i = 0; i < src.Length; i++)
        {
            dst[i] = keepFlags[lab[i]] ? src[i] : (byte)0;
        }
        return result;
    }
}
