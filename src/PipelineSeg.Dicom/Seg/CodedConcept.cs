namespace PipelineSeg.Dicom.Seg;

/// <summary>A coded concept (Code Value, Coding Scheme Designator, Code Meaning), e.g. SCT 10200004 "Liver".</summary>
public sealed record CodedConcept(string CodeValue, string CodingSchemeDesignator, string CodeMeaning)
{
    /// <summary>SCT 85756007 Tissue (a segmented property category).</summary>
    public static CodedConcept Tissue { get; } = new("85756007", "SCT", "Tissue");

    /// <summary>SCT 123037004 Anatomical Structure (a segmented property category).</summary>
    public static CodedConcept AnatomicalStructure { get; } = new("123037004", "SCT", "Anatomical Structure");

    /// <summary>SCT 49755003 Morphologically Altered Structure (category for lesions and tumours).</summary>
    public static CodedConcept MorphologicallyAlteredStructure { get; } = new("49755003", "SCT", "Morphologically Altered Structure");

    /// <summary>DCM 123110 Artificial Intelligence (an algorithm family).</summary>
    public static CodedConcept ArtificialIntelligence { get; } = new("123110", "DCM", "Artificial Intelligence");

    /// <summary>Writes the concept as the single item of <paramref name="sequence"/>.</summary>
    internal void SetAsSequence(DicomDataset target, DicomTag sequence) => target.SetSequence(sequence, ToItem());

    /// <summary>The concept as a code sequence item.</summary>
    internal DicomDataset ToItem()
    {
        var item = new DicomDataset();
        item.SetString(DicomTags.CodeValue, DicomVR.SH, CodeValue);
        item.SetString(DicomTags.CodingSchemeDesignator, DicomVR.SH, CodingSchemeDesignator);
        item.SetString(DicomTags.CodeMeaning, DicomVR.LO, CodeMeaning);
        return item;
    }

    /// <summary>Reads the first item of a code sequence, or null.</summary>
    internal static CodedConcept? FromSequence(DicomDataset dataset, DicomTag sequence)
    {
        var item = dataset.GetFirstItem(sequence);
        return item is null
            ? null
            : new CodedConcept(item.GetString(DicomTags.CodeValue) ?? string.Empty,
                item.GetString(DicomTags.CodingSchemeDesignator) ?? string.Empty, item.GetString(DicomTags.CodeMeaning) ?? string.Empty);
    }
}
