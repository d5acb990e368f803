namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>A tag tree (T.800 B.10.2) over a grid of code-blocks, decoded incrementally from packet headers.</summary>
internal sealed class J2kTagTree
{
    private readonly int[] _value;
    private readonly int[] _low;
    private readonly int[] _parent;
    private readonly int _width;

    public J2kTagTree(int width, int height)
    {
        _width = width;
        var nodes = new List<(int W, int H, int Offset)>();
        int w = width, h = height, total = 0;
        while (true)
        {
            nodes.Add((w, h, total));
            total += w * h;
            if (w <= 1 && h <= 1)
            {
                break;
            }
            w = (w + 1) / 2;
            h = (h + 1) / 2;
        }
        _value = new int[total];
        _low = new int[total];
        _parent = new int[total];
        Array.Fill(_value, int.MaxValue);
        for (var level = 0; level < nodes.Count; level++)
        {
            var (lw, lh, offset) = nodes[level];
            for (var y = 0; y < lh; y++)
            {
                for (var x = 0; x < lw; x++)
                {
                    _parent[offset + (y * lw) + x] = level + 1 < nodes.Count
                        ? nodes[level + 1].Offset + ((y / 2) * nodes[level + 1].W) + (x / 2)
                        : -1;
                }
            }
        }
    }

    /// <summary>Reads bits until leaf (x, y)'s value is known to be below <paramref name="threshold"/> or not; returns the value if known, else int.MaxValue.</summary>
    public int Decode(ref J2kHeaderBits bits, int x, int y, int threshold)
    {
        Span<int> path = stackalloc int[32];
        var depth = 0;
        for (var node = (y * _width) + x; node >= 0; node = _parent[node])
        {
            path[depth++] = node;
        }
        var low = 0;
        for (var i = depth - 1; i >= 0; i--)
        {
            var node = path[i];
            if (low > _low[node])
            {
                _low[node] = low;
            }
            else
            {
                low = _low[node];
            }
            while (low < threshold && low < _value[node])
            {
                if (bits.ReadBit() != 0)
                {
                    _value[node] = low;
                }
                else
                {
                    low++;
                }
            }
            _low[node] = low;
        }
        return _value[path[0]];
    }
}
