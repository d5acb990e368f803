using System.Globalization;

namespace PipelineSeg.Dicom;

/// <summary>A DICOM attribute tag (group, element), ordered as on the wire.</summary>
public readonly record struct DicomTag(ushort Group, ushort Element) : IComparable<DicomTag>
{
    /// <summary>Creates a tag from its 32-bit value 0xGGGGEEEE.</summary>
    public DicomTag(uint value)
        : this((ushort)(value >> 16), (ushort)value)
    {
    }

    /// <summary>The tag as 0xGGGGEEEE.</summary>
    public uint Value => ((uint)Group << 16) | Element;

    /// <summary>True for odd groups (private attributes).</summary>
    public bool IsPrivate => (Group & 1) == 1;

    /// <summary>Compares by group then element.</summary>
    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    /// <summary>Less-than by wire order.</summary>
    public static bool operator <(DicomTag left, DicomTag right) => left.Value < right.Value;

    /// <summary>Greater-than by wire order.</summary>
    public static bool operator >(DicomTag left, DicomTag right) => left.Value > right.Value;

    /// <summary>Less-or-equal by wire order.</summary>
    public static bool operator <=(DicomTag left, DicomTag right) => left.Value <= right.Value;

    /// <summary>Greater-or-equal by wire order.</summary>
    public static bool operator >=(DicomTag left, DicomTag right) => left.Value >= right.Value;

    /// <summary>Formats as (gggg,eeee) in upper-case hex.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Group:X4},{Element:X4})");
}
