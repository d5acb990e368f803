using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Host.Cli.Models;

/// <summary>SNOMED CT codes for the labels <c>models new --labels</c> accepts (DICOM-SEG needs a category and a type per
/// segment); other structures are added by editing plugin.json.</summary>
internal static class SegmentCodes
{
    private static readonly CodedConcept Anatomy = new("123037004", "SCT", "Anatomical Structure");
    private static readonly CodedConcept Altered = new("49755003", "SCT", "Morphologically Altered Structure");

    private static readonly Dictionary<string, (CodedConcept Category, CodedConcept Type)> Known = new(StringComparer.Ordinal)
    {
        ["liver"] = (Anatomy, Type("10200004", "Liver")),
        ["lung"] = (Anatomy, Type("39607008", "Lung")),
        ["kidney"] = (Anatomy, Type("64033007", "Kidney")),
        ["spleen"] = (Anatomy, Type("78961009", "Spleen")),
        ["pancreas"] = (Anatomy, Type("15776009", "Pancreas")),
        ["lesion"] = (Altered, Type("108369006", "Neoplasm")),
        ["tumor"] = (Altered, Type("108369006", "Neoplasm")),
        ["nodule"] = (Altered, Type("27925004", "Nodule")),
    };

    /// <summary>Labels with codes, background first.</summary>
    public static IReadOnlyCollection<string> Labels => Known.Keys;

    /// <summary>The segment classes for <paramref name="labels"/> (index 0 is the background).</summary>
    /// <exception cref="FormatException">A label without known codes.</exception>
    public static IReadOnlyList<SegmentClass> Classes(IReadOnlyList<string> labels) =>
        [.. labels.Select((label, i) => i == 0
            ? new SegmentClass { Index = 0, Label = label, IsBackground = true }
            : Known.TryGetValue(label, out var codes)
                ? new SegmentClass { Index = i, Label = label, Category = codes.Category, Type = codes.Type }
                : throw new FormatException($"--labels: no SNOMED CT codes known for '{label}' (known: {string.Join(", ", Known.Keys)}); use one and edit plugin.json afterwards"))];

    private static CodedConcept Type(string code, string meaning) => new(code, "SCT", meaning);
}
