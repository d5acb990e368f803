namespace PipelineSeg.Dicom;

/// <summary>
/// The one registry of the SOP Class UIDs (PS3.4 Annex B) the product reads or writes. Every check for "is this a
/// segmentation" goes through <see cref="IsSegmentation"/>, so a Label Map SEG is accepted wherever a SEG is.
/// </summary>
public static class SopClasses
{
    /// <summary>CT Image Storage.</summary>
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    /// <summary>RT Structure Set Storage.</summary>
    public const string RtStructureSetStorage = "1.2.840.10008.5.1.4.1.1.481.3";

    /// <summary>
    /// Detached Study Management (retired), the SOP class RT Referenced Study Sequence items name by convention: the study
    /// is referenced by its Study Instance UID, and planning systems expect this class with it.
    /// </summary>
    public const string DetachedStudyManagement = "1.2.840.10008.3.1.2.3.1";

    /// <summary>Secondary Capture Image Storage (the overlay images).</summary>
    public const string SecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7";

    /// <summary>Segmentation Storage (BINARY and FRACTIONAL SEG).</summary>
    public const string SegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4";

    /// <summary>Label Map Segmentation Storage (LABELMAP SEG, DICOM 2024b).</summary>
    public const string LabelMapSegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.7";

    /// <summary>True for Segmentation Storage and Label Map Segmentation Storage (trailing NUL or space padding ignored).</summary>
    public static bool IsSegmentation(string? sopClassUid) =>
        sopClassUid?.TrimEnd('\0', ' ') is SegmentationStorage or LabelMapSegmentationStorage;
}
