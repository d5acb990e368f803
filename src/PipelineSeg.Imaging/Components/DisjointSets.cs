namespace PipelineSeg.Imaging.Components;

/// <summary>
/// Union–find over a parent array (parent[i] == i for a root), as both component labellings use it: find compresses the
/// path; union keeps the smaller root, so a component's root is its first member in scan order.
/// </summary>
internal static class DisjointSets
{
    /// <summary>The root of <paramref name="a"/>, pointing every element on the way straight at it.</summary>
    public static int Find(Span<int> parent, int a)
    {
        var root = a;
        while (parent[root] != root)
        {
            root = parent[root];
        }
        while (parent[a] != root)
        {
            var next = parent[a];
            parent[a] = root;
            a = next;
        }
        return root;
    }

    /// <summary>Joins the sets of <paramref name="a"/> and <paramref name="b"/>; returns the root of the union (the smaller of the two roots).</summary>
    public static int Union(Span<int> parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        var (lo, hi) = ra < rb ? (ra, rb) : (rb, ra);
        parent[hi] = lo;
        return lo;
    }
}
