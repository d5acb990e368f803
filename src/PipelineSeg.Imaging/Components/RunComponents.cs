using System.Numerics;

namespace PipelineSeg.Imaging.Components;

/// <summary>
/// Connected components of the voxels of a byte volume whose value is in a membership table, found over runs along x
/// (union–find over runs, not voxels): the memory is a few ints per run, never an int per voxel, so a 512×512×871 label
/// map costs megabytes. Components are numbered 1..Count in raster order of their first voxel and have the same voxel
/// counts and z extents as <see cref="ConnectedComponents.Label"/> gives.
/// </summary>
public sealed class RunComponents
{
    private readonly int _width;
    private readonly int _height;
    private readonly int[] _rowOf;
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly int[] _component;

    private RunComponents(int width, int height, int[] rowOf, int[] start, int[] end, int[] component, IReadOnlyList<ComponentInfo> components)
    {
        (_width, _height, _rowOf, _start, _end, _component, Components) = (width, height, rowOf, start, end, component, components);
    }

    /// <summary>The components, label k at index k − 1.</summary>
    public IReadOnlyList<ComponentInfo> Components { get; }

    /// <summary>Number of components.</summary>
    public int Count => Components.Count;

    /// <summary>Number of runs (maximal stretches of member voxels along x).</summary>
    public int RunCount => _start.Length;

    /// <summary>Labels the components of voxels whose value <paramref name="include"/> (256 entries) marks.</summary>
    public static RunComponents Label(Volume<byte> volume, bool[] include, Connectivity connectivity = Connectivity.Corners26)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(include);
        if (include.Length != 256)
        {
            throw new ArgumentException("a membership table has 256 entries", nameof(include));
        }
        var (nx, ny, nz) = (volume.Width, volume.Height, volume.Depth);
        var perSlice = new List<int>[nz];
        Parallel.For(0, nz, z => perSlice[z] = ScanSlice(volume.Slice(z), nx, ny, include));
        var runs = perSlice.Sum(l => l.Count / 3);
        var (rowOf, start, end) = (new int[runs], new int[runs], new int[runs]);
        var rowFirst = new int[(nz * ny) + 1];
        var r = 0;
        for (var z = 0; z < nz; z++)
        {
            var list = perSlice[z];
            var row = z * ny;
            for (var i = 0; i < list.Count; i += 3)
            {
                var global = (z * ny) + list[i];
                while (row < global)
                {
                    rowFirst[++row] = r;
                }
                (rowOf[r], start[r], end[r]) = (global, list[i + 1], list[i + 2]);
                r++;
            }
            perSlice[z] = [];
            while (row < (z + 1) * ny)
            {
                rowFirst[++row] = r;
            }
        }
        var parent = new int[runs];
        for (var i = 0; i < runs; i++)
        {
            parent[i] = i;
        }
        var touch = connectivity == Connectivity.Corners26 ? 1 : 0;
        for (var z = 0; z < nz; z++)
        {
            for (var y = 0; y < ny; y++)
            {
                var current = (z * ny) + y;
                if (rowFirst[current] == rowFirst[current + 1])
                {
                    continue;
                }
                // preceding rows in raster order; runs touching at a corner count for 26 (all) and 18 (in-plane, one dz) only
                if (y > 0)
                {
                    Connect(current, current - 1, connectivity == Connectivity.Faces6 ? 0 : 1);
                }
                if (z > 0)
                {
                    var below = current - ny;
                    Connect(current, below, connectivity == Connectivity.Faces6 ? 0 : 1);
                    if (connectivity != Connectivity.Faces6)
                    {
                        if (y > 0)
                        {
                            Connect(current, below - 1, touch);
                        }
                        if (y < ny - 1)
                        {
                            Connect(current, below + 1, touch);
                        }
                    }
                }
            }
        }
        // final labels in raster order of each component's first run
        var component = new int[runs];
        var labelOfRoot = new int[runs];
        var infos = new List<(long Count, int ZMin, int ZMax)>();
        for (var i = 0; i < runs; i++)
        {
            var root = DisjointSets.Find(parent, i);
            if (labelOfRoot[root] == 0)
            {
                var z0 = rowOf[i] / ny;
                infos.Add((0, z0, z0));
                labelOfRoot[root] = infos.Count;
            }
            var label = labelOfRoot[root];
            component[i] = label;
            var (count, zMin, _) = infos[label - 1];
            infos[label - 1] = (count + end[i] - start[i], zMin, rowOf[i] / ny);
        }
        return new RunComponents(nx, ny, rowOf, start, end, component,
            [.. infos.Select((t, k) => new ComponentInfo(k + 1, t.Count, t.ZMin, t.ZMax))]);

        void Connect(int rowA, int rowB, int slack)
        {
            int i = rowFirst[rowA], iEnd = rowFirst[rowA + 1], j = rowFirst[rowB], jEnd = rowFirst[rowB + 1];
            while (i < iEnd && j < jEnd)
            {
                if (end[i] + slack <= start[j])
                {
                    i++;
                }
                else if (end[j] + slack <= start[i])
                {
                    j++;
                }
                else
                {
                    DisjointSets.Union(parent, i, j);
                    // the run that ends first cannot reach the other row's next run
                    if (end[i] < end[j])
                    {
                        i++;
                    }
                    else
                    {
                        j++;
                    }
                }
            }
        }
    }

    /// <summary>Sets every voxel of the components <paramref name="clear"/> picks to <paramref name="value"/>.</summary>
    public void Clear(Volume<byte> volume, Func<ComponentInfo, bool> clear, byte value = 0)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(clear);
        if (volume.Width != _width || volume.Height != _height)
        {
            throw new ArgumentException("not the volume these runs were found in", nameof(volume));
        }
        var drop = new bool[Count + 1];
        foreach (var c in Components)
        {
            drop[c.Label] = clear(c);
        }
        var data = volume.Array.AsSpan();
        for (var i = 0; i < _start.Length; i++)
        {
            if (drop[_component[i]])
            {
                data.Slice((_rowOf[i] * _width) + _start[i], _end[i] - _start[i]).Fill(value);
            }
        }
    }

    /// <summary>Runs of one slice as (y, start, end) triples; all-zero stretches are skipped a vector at a time when 0 is no member.</summary>
    private static List<int> ScanSlice(ReadOnlySpan<byte> slice, int nx, int ny, bool[] include)
    {
        var runs = new List<int>();
        var skipZeros = !include[0] && Vector.IsHardwareAccelerated;
        var lanes = Vector<byte>.Count;
        for (var y = 0; y < ny; y++)
        {
            var row = slice.Slice(y * nx, nx);
            var x = 0;
            while (x < nx)
            {
                while (skipZeros && x + lanes <= nx && Vector.EqualsAll(new Vector<byte>(row[x..]), Vector<byte>.Zero))
                {
                    x += lanes;
                }
                if (x >= nx)
                {
                    break;
                }
                if (!include[row[x]])
                {
                    x++;
                    continue;
                }
                var first = x;
                while (x < nx && include[row[x]])
                {
                    x++;
                }
                runs.Add(y);
                runs.Add(first);
                runs.Add(x);
            }
        }
        return runs;
    }
}
