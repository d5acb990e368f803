using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace PipelineSeg.Dicom;

public sealed partial class DicomDataset
{
    private static readonly IReadOnlyList<DicomDataset> NoItems = [];

    /// <summary>
    /// The whole value as text with trailing padding removed (and leading spaces, except for LT/ST/UT); null when the
    /// attribute is absent. Character-set dependent VRs are decoded with <see cref="TextEncoding"/>.
    /// </summary>
    public string? GetString(DicomTag tag)
    {
        var e = GetElement(tag);
        if (e is null || e.Items is not null)
        {
            return null;
        }
        var span = e.Value.Span;
        if (!DicomVRInfo.IsText(e.VR) && e.VR is not (DicomVR.UN or DicomVR.None) && DicomVRInfo.ElementSize(e.VR) > 1)
        {
            var n = span.Length / DicomVRInfo.ElementSize(e.VR);
            var values = new string[n];
            for (var i = 0; i < n; i++)
            {
                TryGetDouble(tag, out var d, i);
                values[i] = d.ToString(CultureInfo.InvariantCulture);
            }
            return string.Join('\\', values);
        }
        var text = DicomVRInfo.UsesCharacterSet(e.VR) ? TextEncoding.GetString(span) : Encoding.Latin1.GetString(span);
        text = text.TrimEnd('\0', ' ');
        return DicomVRInfo.IsSingleValuedText(e.VR) ? text : text.TrimStart(' ');
    }

    /// <summary>The text values split on backslash and trimmed; empty when absent.</summary>
    public string[] GetStrings(DicomTag tag)
    {
        var s = GetString(tag);
        if (string.IsNullOrEmpty(s))
        {
            return [];
        }
        var parts = s.Split('\\');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Trim(' ', '\0');
        }
        return parts;
    }

    /// <summary>Number of values of a numeric attribute (binary or DS/IS text).</summary>
    public int ValueCount(DicomTag tag)
    {
        var e = GetElement(tag);
        if (e is null || e.Items is not null || e.Value.IsEmpty)
        {
            return 0;
        }
        var size = DicomVRInfo.ElementSize(e.VR);
        if (size > 0 && !DicomVRInfo.IsText(e.VR))
        {
            return e.Value.Length / size;
        }
        return e.Value.Span.Count((byte)'\\') + 1;
    }

    /// <summary>
    /// Reads value <paramref name="index"/> as a double from DS/IS text or a binary numeric VR (US, SS, UL, SL, FL, FD,
    /// SV, UV); false when absent, empty or unparsable (e.g. "1A").
    /// </summary>
    public bool TryGetDouble(DicomTag tag, out double value, int index = 0)
    {
        value = 0;
        var e = GetElement(tag);
        if (e is null || e.Items is not null || index < 0)
        {
            return false;
        }
        var span = e.Value.Span;
        switch (e.VR)
        {
            case DicomVR.DS or DicomVR.IS or DicomVR.UN or DicomVR.None or DicomVR.LO or DicomVR.SH or DicomVR.CS:
                return TryParseTextNumber(span, index, out value);
            default:
                var size = DicomVRInfo.ElementSize(e.VR);
                if (size == 0 || (index + 1) * size > span.Length)
                {
                    return false;
                }
                value = ReadBinary(e.VR, span.Slice(index * size, size));
                return true;
        }
    }

    /// <summary>All values as doubles; null when absent or when any value does not parse.</summary>
    public double[]? GetDoubles(DicomTag tag)
    {
        var n = ValueCount(tag);
        if (n == 0)
        {
            return null;
        }
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (!TryGetDouble(tag, out result[i], i))
            {
                return null;
            }
        }
        return result;
    }

    /// <summary>Reads value <paramref name="index"/> as an integer (rounded from DS); false when absent or invalid.</summary>
    public bool TryGetInt32(DicomTag tag, out int value, int index = 0)
    {
        value = 0;
        if (!TryGetDouble(tag, out var d, index) || double.IsNaN(d) || d < int.MinValue || d > int.MaxValue)
        {
            return false;
        }
        value = (int)Math.Round(d);
        return true;
    }

    /// <summary>The integer value, or <paramref name="defaultValue"/> when absent or invalid.</summary>
    public int GetInt32(DicomTag tag, int defaultValue) => TryGetInt32(tag, out var v) ? v : defaultValue;

    /// <summary>The items of a sequence; empty when absent or not a sequence.</summary>
    public IReadOnlyList<DicomDataset> GetSequence(DicomTag tag) => GetElement(tag)?.Items ?? NoItems;

    /// <summary>The first item of a sequence, or null.</summary>
    public DicomDataset? GetFirstItem(DicomTag tag)
    {
        var items = GetSequence(tag);
        return items.Count > 0 ? items[0] : null;
    }

    /// <summary>The raw value bytes; empty when absent.</summary>
    public ReadOnlyMemory<byte> GetBytes(DicomTag tag) => GetElement(tag)?.Value ?? ReadOnlyMemory<byte>.Empty;

    /// <summary>An AT value (tag pointer), or null.</summary>
    public DicomTag? GetTagValue(DicomTag tag, int index = 0)
    {
        var e = GetElement(tag);
        if (e is null || (index + 1) * 4 > e.Value.Length)
        {
            return null;
        }
        var s = e.Value.Span.Slice(index * 4, 4);
        return IsBigEndian
            ? new DicomTag(BinaryPrimitives.ReadUInt16BigEndian(s), BinaryPrimitives.ReadUInt16BigEndian(s[2..]))
            : new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(s), BinaryPrimitives.ReadUInt16LittleEndian(s[2..]));
    }

    private double ReadBinary(DicomVR vr, ReadOnlySpan<byte> s)
    {
        var be = IsBigEndian;
        return vr switch
        {
            DicomVR.US or DicomVR.OW => be ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s),
            DicomVR.SS => be ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s),
            DicomVR.UL or DicomVR.OL or DicomVR.AT => be ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s),
            DicomVR.SL => be ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s),
            DicomVR.FL or DicomVR.OF => be ? BinaryPrimitives.ReadSingleBigEndian(s) : BinaryPrimitives.ReadSingleLittleEndian(s),
            DicomVR.FD or DicomVR.OD => be ? BinaryPrimitives.ReadDoubleBigEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s),
            DicomVR.SV => be ? BinaryPrimitives.ReadInt64BigEndian(s) : BinaryPrimitives.ReadInt64LittleEndian(s),
            DicomVR.UV or DicomVR.OV => be ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s),
            _ => s[0],
        };
    }

    private static bool TryParseTextNumber(ReadOnlySpan<byte> span, int index, out double value)
    {
        value = 0;
        for (var i = 0; i < index; i++)
        {
            var sep = span.IndexOf((byte)'\\');
            if (sep < 0)
            {
                return false;
            }
            span = span[(sep + 1)..];
        }
        var end = span.IndexOf((byte)'\\');
        if (end >= 0)
        {
            span = span[..end];
        }
        span = span.Trim((byte)' ').Trim((byte)0);
        return !span.IsEmpty && double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
               && double.IsFinite(value);
    }
}
