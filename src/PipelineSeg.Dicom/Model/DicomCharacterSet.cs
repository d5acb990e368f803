using System.Text;

namespace PipelineSeg.Dicom;

/// <summary>Maps Specific Character Set (0008,0005) to a .NET encoding.</summary>
public static class DicomCharacterSet
{
    /// <summary>
    /// The encoding for a Specific Character Set value: ISO_IR 192 → UTF-8, ISO_IR 100 (and the default repertoire,
    /// which is ASCII) → Latin-1. Code extensions (ISO 2022) and other repertoires fall back to Latin-1, which never
    /// throws and keeps ASCII intact.
    /// </summary>
    public static Encoding FromSpecificCharacterSet(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Encoding.Latin1;
        }
        var first = value.Split('\\')[0].Trim();
        var last = value.Split('\\')[^1].Trim();
        if (first == "ISO_IR 192" || last == "ISO_IR 192")
        {
            return Encoding.UTF8;
        }
        return Encoding.Latin1;
    }
}
