namespace PipelineSeg.Dicom;

/// <summary>
/// Stored value → modality value: a Modality LUT when the image has one, else RescaleSlope/Intercept (from the
/// per-frame or shared Pixel Value Transformation functional group of multi-frame images, or the top level).
/// </summary>
public sealed record ModalityTransform(double Slope, double Intercept, float[]? Lut = null, int LutFirstValue = 0)
{
    /// <summary>The identity transform.</summary>
    public static ModalityTransform Identity { get; } = new(1, 0);

    /// <summary>True when no LUT is used and slope 1, intercept 0.</summary>
    public bool IsIdentity => Lut is null && Slope == 1 && Intercept == 0;

    /// <summary>Maps one stored value.</summary>
    public float Apply(int stored)
    {
        if (Lut is { } lut)
        {
            var i = Math.Clamp(stored - LutFirstValue, 0, lut.Length - 1);
            return lut[i];
        }
        return (float)((stored * Slope) + Intercept);
    }

    /// <summary>The transform of frame <paramref name="frameIndex"/> of an image.</summary>
    public static ModalityTransform ForFrame(DicomDataset dataset, int frameIndex)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var perFrame = dataset.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence);
        var frame = frameIndex < perFrame.Count ? perFrame[frameIndex] : null;
        var shared = dataset.GetFirstItem(DicomTags.SharedFunctionalGroupsSequence);
        var source = frame?.GetFirstItem(DicomTags.PixelValueTransformationSequence)
                     ?? shared?.GetFirstItem(DicomTags.PixelValueTransformationSequence)
                     ?? dataset;
        if (source.TryGetDouble(DicomTags.RescaleSlope, out var slope) | source.TryGetDouble(DicomTags.RescaleIntercept, out var intercept))
        {
            return new ModalityTransform(slope == 0 && !source.Contains(DicomTags.RescaleSlope) ? 1 : slope, intercept);
        }
        var lutItem = dataset.GetFirstItem(DicomTags.ModalityLUTSequence);
        if (lutItem is not null && ReadLut(lutItem) is { } lut)
        {
            return lut;
        }
        return Identity;
    }

    private static ModalityTransform? ReadLut(DicomDataset item)
    {
        if (!item.TryGetInt32(DicomTags.LUTDescriptor, out var entries, 0) || !item.TryGetInt32(DicomTags.LUTDescriptor, out var first, 1)
            || !item.TryGetInt32(DicomTags.LUTDescriptor, out var bits, 2))
        {
            return null;
        }
        entries = entries == 0 ? 65536 : entries;
        var data = item.GetBytes(DicomTags.LUTData).Span;
        var lut = new float[entries];
        var wide = bits > 8 || data.Length >= entries * 2;
        for (var i = 0; i < entries; i++)
        {
            if (wide && (i * 2) + 1 < data.Length)
            {
                lut[i] = item.IsBigEndian ? (data[i * 2] << 8) | data[(i * 2) + 1] : data[i * 2] | (data[(i * 2) + 1] << 8);
            }
            else if (!wide && i < data.Length)
            {
                lut[i] = data[i];
            }
        }
        // The first-value entry is US or SS depending on the image's Pixel Representation; SS arrives as 0..65535.
        return new ModalityTransform(1, 0, lut, first > 32767 && first < 65536 ? first - 65536 : first);
    }
}
