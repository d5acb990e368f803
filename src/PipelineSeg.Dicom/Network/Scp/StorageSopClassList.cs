namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>
/// The storage SOP classes the receiver accepts (PS3.4 Annex B): the image objects a segmentation pipeline can take as
/// input, and the derived objects a PACS may route back (SEG, RT Structure Set, secondary capture). A context for any
/// other abstract syntax is rejected ("abstract syntax not supported"), so a sender learns it at association time.
/// </summary>
public static class StorageSopClassList
{
    /// <summary>SOP Class UID → name, for the accepted storage classes.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SopClasses.CtImageStorage] = "CT Image Storage",
        ["1.2.840.10008.5.1.4.1.1.2.1"] = "Enhanced CT Image Storage",
        ["1.2.840.10008.5.1.4.1.1.2.2"] = "Legacy Converted Enhanced CT Image Storage",
        ["1.2.840.10008.5.1.4.1.1.4"] = "MR Image Storage",
        ["1.2.840.10008.5.1.4.1.1.4.1"] = "Enhanced MR Image Storage",
        ["1.2.840.10008.5.1.4.1.1.4.4"] = "Legacy Converted Enhanced MR Image Storage",
        ["1.2.840.10008.5.1.4.1.1.128"] = "Positron Emission Tomography Image Storage",
        ["1.2.840.10008.5.1.4.1.1.130"] = "Enhanced PET Image Storage",
        ["1.2.840.10008.5.1.4.1.1.20"] = "Nuclear Medicine Image Storage",
        ["1.2.840.10008.5.1.4.1.1.6.1"] = "Ultrasound Image Storage",
        ["1.2.840.10008.5.1.4.1.1.1"] = "Computed Radiography Image Storage",
        ["1.2.840.10008.5.1.4.1.1.1.1"] = "Digital X-Ray Image Storage - For Presentation",
        ["1.2.840.10008.5.1.4.1.1.7"] = "Secondary Capture Image Storage",
        ["1.2.840.10008.5.1.4.1.1.481.1"] = "RT Image Storage",
        ["1.2.840.10008.5.1.4.1.1.481.3"] = "RT Structure Set Storage",
        [SopClasses.SegmentationStorage] = "Segmentation Storage",
        [SopClasses.LabelMapSegmentationStorage] = "Label Map Segmentation Storage",
    };
}
