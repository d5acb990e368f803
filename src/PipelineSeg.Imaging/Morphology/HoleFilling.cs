namespace PipelineSeg.Imaging.Morphology;

/// <summary>Fills holes slice by slice: background regions (4-connected) that do not touch the slice border become foreground (scipy binary_fill_holes per 2D slice).</summary>
public static class HoleFilling
{
    /// <summary>Returns a 0/1 mask with the holes of every z slice filled.</summary>
    public static Volume<byte> FillPerSlice(Volume<byte> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var result = mask.CreateLike<byte>();
        int nx = mask.Width, ny = mask.Height;
        var src = mask.Array;
        var dst = result.Array;
        Parallel.For(0, mask.Depth, () => (new byte[nx * ny], new Stack<int>()), (z, _, state) =>
        {
            var (outside, stack) = state;
            Array.Clear(outside);
            var off = z * nx * ny;
            void Seed(int i)
            {
                if (src[off + i] == 0 && outside[i] == 0)
                {
                    outside[i] = 1;
                    stack.Push(i);
                }
            }
            for (var x = 0; x < nx; x++)
            {
                Seed(x);
                Seed(((ny - 1) * nx) + x);
            }
            for (var y = 0; y < ny; y++)
            {
                Seed(y * nx);
                Seed((y * nx) + nx - 1);
            }
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                int x = i % nx, y = i / nx;
                if (x > 0) { Seed(i - 1); }
                if (x < nx - 1) { Seed(i + 1); }
                if (y > 0) { Seed(i - nx); }
                if (y < ny - 1) { Seed(i + nx); }
            }
            for (var i = 0; i < nx * ny; i++)
            {
                dst[off + i] = (byte)(outside[i] == 0 ? 1 : 0);
            }
            return state;
        }, _ => { });
        return result;
    }
}
