using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Components;
using PipelineSeg.Imaging.Labels;
using PipelineSeg.Imaging.Morphology;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Postprocessing;

/// <summary>Connected-component clean-up of a label map as a <see cref="PipelineDefinition"/> asks.</summary>
public static class LabelMapCleanup
{
    /// <summary>
    /// Applies the definition's rules in place and returns the same volume. First the classes named in
    /// <see cref="PipelineDefinition.KeepLargestComponentOf"/> form one organ mask, so every lesion inside the kept liver
    /// survives and only components outside it are dropped. Then each foreground class gets its
    /// <see cref="PipelineDefinition.Cleanup"/> rules (largest component, minimum ml and slices, holes per slice); a class
    /// without rules only loses components under <see cref="PipelineDefinition.MinimumComponentMl"/>.
    /// </summary>
    public static Volume<byte> Apply(Volume<byte> labels, IReadOnlyList<SegmentClass> classes, PipelineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(definition);
        RequireKnownSegments(classes, definition.Cleanup.Keys);
        if (definition.KeepLargestComponentOf.Count > 0)
        {
            KeepLargest(labels, LabelMasks.Table(IndicesOf(classes, definition.KeepLargestComponentOf)));
        }
        var voxelMl = labels.Geometry.Spacing.X * labels.Geometry.Spacing.Y * labels.Geometry.Spacing.Z / 1000.0;
        var background = (byte)(classes.FirstOrDefault(c => c.IsBackground)?.Index ?? 0);
        foreach (var cls in classes.Where(c => !c.IsBackground))
        {
            var rules = definition.Cleanup.GetValueOrDefault(cls.Label);
            var index = (byte)cls.Index;
            if (rules?.KeepLargestComponent == true)
            {
                KeepLargest(labels, LabelMasks.Table([index]));
            }
            var minMl = rules?.MinimumComponentMl ?? definition.MinimumComponentMl;
            var minSlices = rules?.MinimumSlices ?? 0;
            if (minMl > 0 || minSlices > 0)
            {
                var minVoxels = (long)Math.Ceiling(minMl / voxelMl);
                RunComponents.Label(labels, LabelMasks.Table([index])).Clear(labels, c => c.VoxelCount < minVoxels || c.SliceSpan < minSlices);
            }
            if (rules?.FillHolesPerSlice == true)
            {
                FillHoles(labels, index, background);
            }
        }
        return labels;
    }

    /// <summary>Throws when a clean-up rule names a segment the model does not produce.</summary>
    /// <exception cref="NotSupportedException">The message names the setting and the model's segments.</exception>
    public static void RequireKnownSegments(IReadOnlyList<SegmentClass> classes, IEnumerable<string> segments)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(segments);
        foreach (var segment in segments)
        {
            if (!classes.Any(c => !c.IsBackground && string.Equals(c.Label, segment, StringComparison.OrdinalIgnoreCase)))
            {
                throw new NotSupportedException($"Cleanup:{segment} names a segment the model does not produce (it has {string.Join(", ", classes.Where(c => !c.IsBackground).Select(c => c.Label))})");
            }
        }
    }

    /// <summary>Background voxels in the per-slice holes of <paramref name="index"/> take that label; other labels stay. One slice of mask at a time.</summary>
    private static void FillHoles(Volume<byte> labels, byte index, byte background)
    {
        Parallel.For(0, labels.Depth, z =>
        {
            var slice = labels.Slice(z);
            var mask = new Volume<byte>(new VolumeSize(labels.Width, labels.Height, 1), labels.Geometry);
            for (var i = 0; i < slice.Length; i++)
            {
                mask.Array[i] = slice[i] == index ? (byte)1 : (byte)0;
            }
            var filled = HoleFilling.FillPerSlice(mask).Array;
            for (var i = 0; i < slice.Length; i++)
            {
                if (filled[i] != 0 && slice[i] == background)
                {
                    slice[i] = index;
                }
            }
        });
    }

    /// <summary>
    /// Keeps the largest 26-connected component of the voxels <paramref name="include"/> marks (the first in raster order
    /// on a tie, as <see cref="ConnectedComponents.KeepLargest"/>); the others become 0. Found over runs, no mask copies.
    /// </summary>
    private static void KeepLargest(Volume<byte> labels, bool[] include)
    {
        var components = RunComponents.Label(labels, include);
        if (components.Count < 2)
        {
            return;
        }
        var largest = components.Components.OrderByDescending(c => c.VoxelCount).ThenBy(c => c.Label).First().Label;
        components.Clear(labels, c => c.Label != largest);
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
