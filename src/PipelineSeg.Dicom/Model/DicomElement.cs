namespace PipelineSeg.Dicom;

/// <summary>
/// One attribute. <see cref="Value"/> is a view over the file buffer (no copy) in the byte order of the owning dataset;
/// sequences carry their items instead. Encapsulated Pixel Data keeps the whole undefined-length value (offset table,
/// fragments and sequence delimiter) so the codecs can split it into frames.
/// </summary>
public sealed class DicomElement
{
    /// <summary>Creates a value element.</summary>
    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value, long valueOffset = -1, bool isEncapsulated = false)
    {
        Tag = tag;
        VR = vr;
        Value = value;
        ValueOffset = valueOffset;
        IsEncapsulated = isEncapsulated;
    }

    /// <summary>Creates a sequence element.</summary>
    public DicomElement(DicomTag tag, IReadOnlyList<DicomDataset> items, long valueOffset = -1)
    {
        ArgumentNullException.ThrowIfNull(items);
        Tag = tag;
        VR = DicomVR.SQ;
        Items = items;
        ValueOffset = valueOffset;
    }

    /// <summary>The attribute tag.</summary>
    public DicomTag Tag { get; }

    /// <summary>The VR as encoded (explicit VR) or looked up (implicit VR; UN when unknown).</summary>
    public DicomVR VR { get; }

    /// <summary>The raw value bytes (empty for sequences).</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>Byte offset of the value in the file (or inflated stream), -1 for elements built in memory.</summary>
    public long ValueOffset { get; }

    /// <summary>True for encapsulated (undefined length, fragmented) Pixel Data.</summary>
    public bool IsEncapsulated { get; }

    /// <summary>The items of a sequence; null for other VRs.</summary>
    public IReadOnlyList<DicomDataset>? Items { get; }

    /// <summary>Length of the value in bytes.</summary>
    public int Length => Value.Length;

    /// <inheritdoc />
    public override string ToString() =>
        Items is null ? $"{Tag} {DicomVRInfo.Code(VR)} [{Value.Length} bytes]" : $"{Tag} SQ [{Items.Count} items]";
}
