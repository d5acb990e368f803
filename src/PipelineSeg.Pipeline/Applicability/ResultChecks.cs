using System.Globalization;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Components;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Applicability;

/// <summary>
/// Plausibility checks of a label map after inference, per foreground class: volume and component count against the
/// card, empty where the card says the structure is always present, touching the in-plane border of the volume, and
/// lying outside the body on the sampled slices. Each flag names the segment and the figure.
/// </summary>
public static class ResultChecks
{
    /// <summary>Largest share of a segment's sampled voxels allowed outside the body (partial volume at organ edges stays below it).</summary>
    public const double MaxOutsideBodyFraction = 0.05;

    /// <summary>The result checks for <paramref name="labels"/> (values = class indices).</summary>
    public static IReadOnlyList<ApplicabilityCheck> Evaluate(Volume<byte> labels, IReadOnlyList<SegmentClass> classes, IntendedUse? card, IntensitySample? sample)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        var counts = new long[256];
        foreach (var v in labels.Span)
        {
            counts[v]++;
        }
        var spacing = labels.Geometry.Spacing;
        var voxelMl = spacing.X * spacing.Y * spacing.Z / 1000.0;
        var checks = new List<ApplicabilityCheck>();
        foreach (var cls in classes.Where(c => !c.IsBackground))
        {
            var label = (byte)cls.Index;
            var voxels = counts[label];
            var expectation = card?.Segments.FirstOrDefault(s => string.Equals(s.Label, cls.Label, StringComparison.OrdinalIgnoreCase));
            if (expectation is { AlwaysPresent: true })
            {
                checks.Add(Check("segmentPresent", cls.Label, Invariant($"{voxels} voxels"), "present", voxels > 0,
                    voxels > 0 ? $"{cls.Label} is present" : $"{cls.Label} is empty, but the model card says it is always present"));
            }
            if (expectation?.VolumeMl is { } range)
            {
                var ml = voxels * voxelMl;
                checks.Add(Check("segmentVolume", cls.Label, Invariant($"{ml:0.#} mL"), $"{range} mL", range.Contains(ml),
                    Invariant($"{cls.Label} volume {ml:0.#} mL is {(range.Contains(ml) ? "inside" : "outside")} the expected {range} mL")));
            }
            if (voxels == 0)
            {
                continue;
            }
            if (expectation?.Components is { } components)
            {
                var mask = Mask(labels, label);
                var count = ConnectedComponents.Label(mask).Count;
                checks.Add(Check("segmentComponents", cls.Label, Invariant($"{count}"), components.ToString(), components.Contains(count),
                    Invariant($"{cls.Label} has {count} connected component(s), expected {components}")));
            }
            var border = BorderVoxels(labels, label);
            checks.Add(Check("segmentAtBorder", cls.Label, Invariant($"{border} voxels"), "0 voxels", border == 0,
                border == 0 ? $"{cls.Label} stays inside the field of view"
                    : Invariant($"{cls.Label} touches the in-plane border of the volume with {border} voxels (cut off by the field of view?)")));
            if (sample is not null)
            {
                checks.Add(OutsideBody(labels, label, cls.Label, sample));
            }
        }
        return checks;
    }

    /// <summary>Voxels of <paramref name="label"/> in the first or last row or column of any slice.</summary>
    public static long BorderVoxels(Volume<byte> labels, byte label)
    {
        ArgumentNullException.ThrowIfNull(labels);
        long count = 0;
        for (var z = 0; z < labels.Depth; z++)
        {
            for (var y = 0; y < labels.Height; y++)
            {
                var row = labels.Row(z, y);
                if (y == 0 || y == labels.Height - 1)
                {
                    count += row.Count(label);
                }
                else
                {
                    count += (row[0] == label ? 1 : 0) + (row.Length > 1 && row[^1] == label ? 1 : 0);
                }
            }
        }
        return count;
    }

    private static ApplicabilityCheck OutsideBody(Volume<byte> labels, byte label, string name, IntensitySample sample)
    {
        long inSample = 0, outside = 0;
        for (var s = 0; s < sample.SliceIndices.Count; s++)
        {
            var slice = labels.Slice(sample.SliceIndices[s]);
            var body = sample.BodyMasks[s];
            for (var i = 0; i < slice.Length; i++)
            {
                if (slice[i] == label)
                {
                    inSample++;
                    outside += body[i] == 0 ? 1 : 0;
                }
            }
        }
        var fraction = inSample == 0 ? 0 : (double)outside / inSample;
        var pass = fraction <= MaxOutsideBodyFraction;
        return Check("segmentOutsideBody", name, Invariant($"{fraction * 100:0.0}%"), Invariant($"≤ {MaxOutsideBodyFraction * 100:0}%"), pass,
            inSample == 0 ? $"{name} has no voxels on the {sample.SliceIndices.Count} sampled slices"
                : Invariant($"{fraction * 100:0.0}% of {name} on the {sample.SliceIndices.Count} sampled slices lies outside the body (air or lung)"));
    }

    private static Volume<byte> Mask(Volume<byte> labels, byte label)
    {
        var mask = labels.CreateLike<byte>();
        var src = labels.Span;
        var dst = mask.Span;
        for (var i = 0; i < src.Length; i++)
        {
            dst[i] = src[i] == label ? (byte)1 : (byte)0;
        }
        return mask;
    }

    private static ApplicabilityCheck Check(string name, string segment, string figure, string expected, bool pass, string message) =>
        new(name, segment, figure, expected, pass ? CheckVerdict.Pass : CheckVerdict.Fail, message);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
