using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Resampling;

namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>Compares voxel grids and brings a label volume onto another grid (exactly when only axis order/sense differ).</summary>
public static class GridAlignment
{
    /// <summary>Position tolerance (mm) for treating grids as equal.</summary>
    public const double ToleranceMm = 0.01;

    /// <summary>Classifies how <paramref name="source"/>'s grid relates to <paramref name="target"/>'s.</summary>
    public static GridRelation Compare<TA, TB>(Volume<TA> source, Volume<TB> target) where TA : unmanaged where TB : unmanaged
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (source.Size == target.Size && source.Geometry.IsCloseTo(target.Geometry, ToleranceMm, 1e-4))
        {
            return GridRelation.Same;
        }
        return IsVoxelPermutation(source, target) ? GridRelation.Reoriented : GridRelation.Different;
    }

    /// <summary>Puts labels on the target grid: a copy for <see cref="GridRelation.Same"/>, nearest-neighbour lookup otherwise (exact for reoriented grids).</summary>
    public static Volume<byte> OntoGrid<TB>(Volume<byte> labels, Volume<TB> target) where TB : unmanaged
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(target);
        var result = Resampler.ResampleLike(labels, target, Interpolation.Nearest);
        return result;
    }

    // Every target voxel centre is a source voxel centre: the index map is a signed permutation with integer offset
    // and both grids cover the same box.
    private static bool IsVoxelPermutation<TA, TB>(Volume<TA> source, Volume<TB> target) where TA : unmanaged where TB : unmanaged
    {
        if (source.Size.VoxelCount != target.Size.VoxelCount)
        {
            return false;
        }
        var sg = source.Geometry;
        var tg = target.Geometry;
        var origin = sg.WorldToIndex(tg.IndexToWorld(0, 0, 0));
        if (!IsInteger(origin.X) || !IsInteger(origin.Y) || !IsInteger(origin.Z))
        {
            return false;
        }
        var used = new bool[3];
        for (var axis = 0; axis < 3; axis++)
        {
            var step = sg.WorldToIndex(tg.IndexToWorld(axis == 0 ? 1 : 0, axis == 1 ? 1 : 0, axis == 2 ? 1 : 0)) - origin;
            var hit = -1;
            for (var s = 0; s < 3; s++)
            {
                if (Math.Abs(Math.Abs(step[s]) - 1) < 1e-4)
                {
                    hit = hit == -1 ? s : -2;
                }
                else if (Math.Abs(step[s]) > 1e-4)
                {
                    return false;
                }
            }
            if (hit < 0 || used[hit] || source.Size[hit] != target.Size[axis])
            {
                return false;
            }
            used[hit] = true;
            var start = origin[hit];
            var end = start + (step[hit] * (target.Size[axis] - 1));
            if (Math.Min(start, end) < -1e-3 || Math.Max(start, end) > source.Size[hit] - 1 + 1e-3)
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsInteger(double v) => Math.Abs(v - Math.Round(v)) < 1e-3;
}
