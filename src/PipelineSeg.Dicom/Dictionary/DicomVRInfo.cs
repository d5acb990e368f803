namespace PipelineSeg.Dicom;

/// <summary>Encoding properties of each VR (PS3.5 §6.2 and §7.1.2).</summary>
public static class DicomVRInfo
{
    /// <summary>True for the known VR codes.</summary>
    public static bool IsKnown(DicomVR vr) => vr switch
    {
        DicomVR.AE or DicomVR.AS or DicomVR.AT or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT or DicomVR.FL
            or DicomVR.FD or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.OB or DicomVR.OD or DicomVR.OF
            or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.PN or DicomVR.SH or DicomVR.SL or DicomVR.SQ
            or DicomVR.SS or DicomVR.ST or DicomVR.SV or DicomVR.TM or DicomVR.UC or DicomVR.UI or DicomVR.UL
            or DicomVR.UN or DicomVR.UR or DicomVR.US or DicomVR.UT or DicomVR.UV => true,
        _ => false,
    };

    /// <summary>Explicit VR encodings of these VRs use 2 reserved bytes and a 32-bit length.</summary>
    public static bool HasLongLength(DicomVR vr) => vr is DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL
        or DicomVR.OV or DicomVR.OW or DicomVR.SQ or DicomVR.UC or DicomVR.UN or DicomVR.UR or DicomVR.UT
        or DicomVR.SV or DicomVR.UV;

    /// <summary>Character VRs (values are text, padded with a space or, for UI, a NUL).</summary>
    public static bool IsText(DicomVR vr) => vr is DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA or DicomVR.DS
        or DicomVR.DT or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH or DicomVR.ST
        or DicomVR.TM or DicomVR.UC or DicomVR.UI or DicomVR.UR or DicomVR.UT;

    /// <summary>Text VRs whose bytes depend on Specific Character Set (the others are plain ASCII).</summary>
    public static bool UsesCharacterSet(DicomVR vr) => vr is DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH
        or DicomVR.ST or DicomVR.UC or DicomVR.UT;

    /// <summary>Text VRs that are single-valued (a backslash is text, not a separator).</summary>
    public static bool IsSingleValuedText(DicomVR vr) => vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR;

    /// <summary>Size of one binary value (1 for bytes), 0 for text and SQ; used for byte swapping.</summary>
    public static int ElementSize(DicomVR vr) => vr switch
    {
        DicomVR.US or DicomVR.SS or DicomVR.OW => 2,
        DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.OF or DicomVR.OL or DicomVR.AT => 4,
        DicomVR.FD or DicomVR.OD or DicomVR.SV or DicomVR.UV or DicomVR.OV => 8,
        DicomVR.OB or DicomVR.UN => 1,
        _ => 0,
    };

    /// <summary>Padding byte for odd-length values.</summary>
    public static byte PaddingByte(DicomVR vr) => vr == DicomVR.UI || !IsText(vr) ? (byte)0 : (byte)' ';

    /// <summary>Parses two ASCII bytes; returns false when they are not a known VR.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        vr = (DicomVR)((first << 8) | second);
        return IsKnown(vr);
    }

    /// <summary>The two-letter code.</summary>
    public static string Code(DicomVR vr) => vr == DicomVR.None ? "--" : $"{(char)((ushort)vr >> 8)}{(char)((ushort)vr & 0xFF)}";
}
