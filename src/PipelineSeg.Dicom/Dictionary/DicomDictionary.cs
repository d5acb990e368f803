using System.Collections.Frozen;

namespace PipelineSeg.Dicom;

/// <summary>Looks up the VR of a tag for implicit VR datasets (the generated subset plus range rules).</summary>
internal static partial class DicomDictionary
{
    // Lazy: static initialisers in the generated partial file may run after this one.
    private static readonly Lazy<FrozenDictionary<uint, (DicomVR VR, string Keyword)>> Table =
        new(() => Entries.ToFrozenDictionary(e => e.Tag, e => (e.VR, e.Keyword)));

    private static FrozenDictionary<uint, (DicomVR VR, string Keyword)> ByTag => Table.Value;

    /// <summary>The VR to use when none is encoded; <see cref="DicomVR.UN"/> for tags outside the subset.</summary>
    public static DicomVR LookupVR(DicomTag tag)
    {
        if (ByTag.TryGetValue(tag.Value, out var entry))
        {
            return entry.VR;
        }
        if (tag.Element == 0x0000)
        {
            return DicomVR.UL; // group length
        }
        if (tag.IsPrivate && tag.Element is >= 0x0010 and <= 0x00FF)
        {
            return DicomVR.LO; // private creator
        }
        return DicomVR.UN;
    }

    /// <summary>The keyword of a tag in the subset, or null.</summary>
    public static string? Keyword(DicomTag tag) => ByTag.TryGetValue(tag.Value, out var e) ? e.Keyword : null;
}
