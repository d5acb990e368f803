using PipelineSeg.Imaging;

namespace PipelineSeg.Comparison.Datasets;

/// <summary>Which stored mask values are ground truth: the listed labels, else every value ≥ the threshold.</summary>
internal static class MaskRule
{
    /// <summary>A 0/1 mask from stored mask values.</summary>
    public static Volume<byte> Apply(DatasetDescription description, ReadOnlySpan<float> values, VolumeSize size, VolumeGeometry geometry)
    {
        var mask = new Volume<byte>(size, geometry);
        var target = mask.Span;
        if (description.MaskLabels is { } labels)
        {
            var set = labels.Select(l => (float)l).ToHashSet();
            for (var i = 0; i < values.Length; i++)
            {
                target[i] = (byte)(set.Contains(values[i]) ? 1 : 0);
            }
            return mask;
        }
        var threshold = (float)description.MaskThreshold;
        for (var i = 0; i < values.Length; i++)
        {
            target[i] = (byte)(values[i] >= threshold ? 1 : 0);
        }
        return mask;
    }
}
