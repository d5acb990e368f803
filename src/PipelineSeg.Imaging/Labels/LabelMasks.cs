namespace PipelineSeg.Imaging.Labels;

/// <summary>
/// The one place a label map is split into binary masks (post-processing, metrics, DICOM-SEG frames) and masks are
/// merged back into a label map. A mask is 1 where the label is one of a set of values, else 0.
/// </summary>
public static class LabelMasks
{
    /// <summary>A 256-entry membership table: one array load per voxel instead of a delegate call or hash lookup.</summary>
    public static bool[] Table(IEnumerable<byte> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var include = new bool[256];
        foreach (var value in values)
        {
            include[value] = true;
        }
        return include;
    }

    /// <summary>The table of every non-zero label (any foreground).</summary>
    public static bool[] Foreground()
    {
        var include = new bool[256];
        include.AsSpan(1).Fill(true);
        return include;
    }

    /// <summary>Writes 1 where <paramref name="include"/>[label] is set, else 0.</summary>
    public static void Split(ReadOnlySpan<byte> labels, bool[] include, Span<byte> mask)
    {
        ArgumentNullException.ThrowIfNull(include);
        if (mask.Length != labels.Length)
        {
            throw new ArgumentException($"mask has {mask.Length} values, labels {labels.Length}", nameof(mask));
        }
        for (var i = 0; i < labels.Length; i++)
        {
            mask[i] = include[labels[i]] ? (byte)1 : (byte)0;
        }
    }

    /// <summary>A mask like <paramref name="labels"/>: 1 where the label is one of <paramref name="values"/>.</summary>
    public static Volume<byte> Of(Volume<byte> labels, IEnumerable<byte> values)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var mask = labels.CreateLike<byte>();
        Split(labels.Array, Table(values), mask.Array);
        return mask;
    }

    /// <summary>A mask like <paramref name="labels"/>: 1 where the label equals <paramref name="value"/>.</summary>
    public static Volume<byte> Of(Volume<byte> labels, byte value) => Of(labels, [value]);

    /// <summary>Label values that occur in <paramref name="labels"/>, ascending.</summary>
    public static IReadOnlyList<int> Present(Volume<byte> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var seen = new bool[256];
        foreach (var v in labels.Array)
        {
            seen[v] = true;
        }
        return Enumerable.Range(0, 256).Where(v => seen[v]).ToList();
    }

    /// <summary>
    /// Merges masks into a label map like <paramref name="grid"/>: each voxel takes the highest label whose mask is
    /// set there (0 = none), so a contained segment (lesion inside liver) stays visible.
    /// </summary>
    public static Volume<byte> Merge(Volume<byte> grid, IEnumerable<(byte Label, Volume<byte> Mask)> masks)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(masks);
        var labels = grid.CreateLike<byte>();
        var target = labels.Array;
        foreach (var (label, mask) in masks.OrderBy(m => m.Label))
        {
            if (mask.Size != grid.Size)
            {
                throw new ArgumentException($"mask of label {label} is {mask.Size}, the grid {grid.Size}", nameof(masks));
            }
            var source = mask.Array;
            for (var i = 0; i < source.Length; i++)
            {
                if (source[i] != 0)
                {
                    target[i] = label;
                }
            }
        }
        return labels;
    }
}
