namespace PipelineSeg.Imaging.Components;

/// <summary>Neighbour offsets of a connectivity.</summary>
internal static class Neighbourhood
{
    /// <summary>All offsets (dx, dy, dz) ≠ 0 within the connectivity.</summary>
    public static (int Dx, int Dy, int Dz)[] Offsets(Connectivity connectivity)
    {
        var maxManhattan = connectivity switch
        {
            Connectivity.Faces6 => 1,
            Connectivity.Edges18 => 2,
            Connectivity.Corners26 => 3,
            _ => throw new ArgumentOutOfRangeException(nameof(connectivity)),
        };
        var list = new List<(int, int, int)>();
        for (var dz = -1; dz <= 1; dz++)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    var m = Math.Abs(dx) + Math.Abs(dy) + Math.Abs(dz);
                    if (m != 0 && m <= maxManhattan)
                    {
                        list.Add((dx, dy, dz));
                    }
                }
            }
        }
        return [.. list];
    }

    /// <summary>The offsets that precede a voxel in [z][y][x] raster order.</summary>
    public static (int Dx, int Dy, int Dz)[] Preceding(Connectivity connectivity) =>
        Offsets(connectivity).Where(o => o.Dz < 0 || (o.Dz == 0 && (o.Dy < 0 || (o.Dy == 0 && o.Dx < 0)))).ToArray();
}
