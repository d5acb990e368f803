using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace PipelineSeg.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>
    /// Sets a text attribute (values joined with backslash). Character-set dependent VRs are encoded with
    /// <see cref="TextEncoding"/>, so set Specific Character Set first.
    /// </summary>
    public void SetString(DicomTag tag, DicomVR vr, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        EnsureLittleEndian();
        if (!DicomVRInfo.IsText(vr))
        {
            throw new ArgumentException($"{DicomVRInfo.Code(vr)} is not a text VR", nameof(vr));
        }
        var text = string.Join('\\', values);
        var encoding = DicomVRInfo.UsesCharacterSet(vr) ? TextEncoding : Encoding.ASCII;
        Set(new DicomElement(tag, vr, encoding.GetBytes(text)));
    }

    /// <summary>Sets a DS attribute, formatting each value in at most 16 characters.</summary>
    public void SetDecimalString(DicomTag tag, params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        SetString(tag, DicomVR.DS, values.Select(FormatDecimalString).ToArray());
    }

    /// <summary>Sets an IS attribute.</summary>
    public void SetIntegerString(DicomTag tag, params int[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        SetString(tag, DicomVR.IS, values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>Sets a US attribute.</summary>
    public void SetUInt16(DicomTag tag, params ushort[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        EnsureLittleEndian();
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), values[i]);
        }
        Set(new DicomElement(tag, DicomVR.US, bytes));
    }

    /// <summary>Sets a UL attribute.</summary>
    public void SetUInt32(DicomTag tag, params uint[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        EnsureLittleEndian();
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        }
        Set(new DicomElement(tag, DicomVR.UL, bytes));
    }

    /// <summary>Sets an AT attribute (tag pointers).</summary>
    public void SetTags(DicomTag tag, params DicomTag[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        EnsureLittleEndian();
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4), values[i].Group);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4 + 2), values[i].Element);
        }
        Set(new DicomElement(tag, DicomVR.AT, bytes));
    }

    /// <summary>Sets a binary attribute (OB, OW, UN…) without copying.</summary>
    public void SetBytes(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value)
    {
        EnsureLittleEndian();
        Set(new DicomElement(tag, vr, value));
    }

    /// <summary>Sets a sequence.</summary>
    public void SetSequence(DicomTag tag, params DicomDataset[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Set(new DicomElement(tag, items));
    }

    /// <summary>
    /// Copies an attribute from another dataset, re-encoding text into this dataset's character set; does nothing
    /// when the source lacks it. Sequences are copied by reference.
    /// </summary>
    public void CopyFrom(DicomDataset source, DicomTag tag)
    {
        ArgumentNullException.ThrowIfNull(source);
        var e = source.GetElement(tag);
        if (e is null)
        {
            return;
        }
        if (e.Items is not null)
        {
            Set(new DicomElement(tag, e.Items));
        }
        else if (DicomVRInfo.IsText(e.VR))
        {
            SetString(tag, e.VR, source.GetString(tag) ?? string.Empty);
        }
        else if (!source.IsBigEndian || DicomVRInfo.ElementSize(e.VR) <= 1)
        {
            Set(new DicomElement(tag, e.VR, e.Value.ToArray()));
        }
    }

    /// <summary>Formats a double as a DS value (≤ 16 characters, invariant culture).</summary>
    internal static string FormatDecimalString(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "DS values must be finite");
        }
        for (var digits = 15; digits > 0; digits--)
        {
            var s = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (s.Length <= 16)
            {
                return s;
            }
        }
        return "0";
    }

    private void EnsureLittleEndian()
    {
        if (IsBigEndian)
        {
            throw new InvalidOperationException("datasets read as big endian are read-only");
        }
    }
}
