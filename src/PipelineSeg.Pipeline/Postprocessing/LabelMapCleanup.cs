using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Components;
using PipelineSeg.Imaging.Labels;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Postprocessing;

/// <summary>Connected-component clean-up of a label map as a <see cref="PipelineDefinition"/> asks.</summary>
public static class LabelMapCleanup
{
    /// <summary>
    /// Applies the definition's component rules in place and returns the same volume. The classes named in
    /// <see cref="PipelineDefinition.KeepLargestComponentOf"/> form one organ mask, so every lesion inside the kept
    /// liver survives; only components outside it are dropped.
    /// </summary>
    public static Volume<byte> Apply(Volume<byte> labels, IReadOnlyList<SegmentClass> classes, PipelineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.KeepLargestComponentOf.Count > 0)
        {
            var organ = LabelMasks.Of(labels, IndicesOf(classes, definition.KeepLargestComponentOf));
            ClearDropped(labels, organ, ConnectedComponents.KeepLargest(organ));
        }
        if (definition.MinimumComponentMl > 0)
        {
            var voxelMl = labels.Geometry.Spacing.X * labels.Geometry.Spacing.Y * labels.Geometry.Spacing.Z / 1000.0;
            var minVoxels = (long)Math.Ceiling(definition.MinimumComponentMl / voxelMl);
            foreach (var cls in classes.Where(c => !c.IsBackground))
            {
                var mask = LabelMasks.Of(labels, [(byte)cls.Index]);
                ClearDropped(labels, mask, ConnectedComponents.RemoveSmall(mask, minVoxels));
            }
        }
        return labels;
    }

    /// <summary>Sets to background the voxels that were in <paramref name="mask"/> but not in <paramref name="kept"/>.</summary>
    private static void ClearDropped(Volume<byte> labels, Volume<byte> mask, Volume<byte> kept)
    {
        var data = labels.Array;
        var before = mask.Array;
        var after = kept.Array;
        for (var i = 0; i < data.Length; i++)
        {
            if (before[i] != 0 && after[i] == 0)
            {
                data[i] = 0;
            }
        }
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
}
