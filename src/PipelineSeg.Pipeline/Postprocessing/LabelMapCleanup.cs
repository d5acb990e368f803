using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Components;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Postprocessing;

/// <summary>Connected-component clean-up of a label map as a <see cref="PipelineDefinition"/> asks.</summary>
public static class LabelMapCleanup
{
    /// <summary>Applies the definition's component rules in place and returns the same volume.</summary>
    public static Volume<byte> Apply(Volume<byte> labels, IReadOnlyList<SegmentClass> classes, PipelineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(definition);
        var data = labels.Array;
        if (definition.KeepLargestComponentOf.Count > 0)
        {
            var organ = IndicesOf(classes, definition.KeepLargestComponentOf);
            var mask = Mask(labels, v => organ.Contains(v));
            var kept = ConnectedComponents.KeepLargest(mask).Array;
            for (var i = 0; i < data.Length; i++)
            {
                if (organ.Contains(data[i]) && kept[i] == 0)
                {
                    data[i] = 0;
                }
            }
        }
        if (definition.MinimumComponentMl > 0)
        {
            var voxelMl = labels.Geometry.Spacing.X * labels.Geometry.Spacing.Y * labels.Geometry.Spacing.Z / 1000.0;
            var minVoxels = (long)Math.Ceiling(definition.MinimumComponentMl / voxelMl);
            foreach (var cls in classes.Where(c => !c.IsBackground))
            {
                var value = (byte)cls.Index;
                var kept = ConnectedComponents.RemoveSmall(Mask(labels, v => v == value), minVoxels).Array;
                for (var i = 0; i < data.Length; i++)
                {
                    if (data[i] == value && kept[i] == 0)
                    {
                        data[i] = 0;
                    }
                }
            }
        }
        return labels;
    }

    private static HashSet<byte> IndicesOf(IReadOnlyList<SegmentClass> classes, IEnumerable<string> names)
    {
        var set = new HashSet<byte>();
        foreach (var name in names)
        {
            var cls = classes.FirstOrDefault(c => string.Equals(c.Label, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"pipeline names class '{name}', which the model does not produce (it has {string.Join(", ", classes.Select(c => c.Label))})");
            set.Add((byte)cls.Index);
        }
        return set;
    }

    private static Volume<byte> Mask(Volume<byte> labels, Func<byte, bool> include)
    {
        var mask = labels.CreateLike<byte>();
        var src = labels.Array;
        var dst = mask.Array;
        for (var i = 0; i < src.Length; i++)
        {
            dst[i] = include(src[i]) ? (byte)1 : (byte)0;
        }
        return mask;
    }
}
