using System.Globalization;

namespace PipelineSeg.Dicom.Seg;

/// <summary>Builds the modules of a Segmentation IOD (everything except Pixel Data).</summary>
internal static class SegmentationDatasetBuilder
{
    private static readonly DicomTag[] PatientStudyAttributes =
    [
        DicomTags.PatientName, DicomTags.PatientID, DicomTags.IssuerOfPatientID, DicomTags.PatientBirthDate,
        DicomTags.PatientSex, DicomTags.PatientAge, DicomTags.PatientWeight, DicomTags.PatientSize,
        DicomTags.PatientIdentityRemoved, DicomTags.DeidentificationMethod,
        DicomTags.ClinicalTrialSponsorName, DicomTags.ClinicalTrialProtocolID, DicomTags.ClinicalTrialSiteID,
        DicomTags.ClinicalTrialSubjectID,
        DicomTags.StudyInstanceUID, DicomTags.StudyDate, DicomTags.StudyTime, DicomTags.ReferringPhysicianName,
        DicomTags.StudyID, DicomTags.AccessionNumber, DicomTags.StudyDescription,
        DicomTags.FrameOfReferenceUID, DicomTags.PositionReferenceIndicator,
    ];

    /// <summary>Type 2 attributes that must be present, even empty, when the source lacks them.</summary>
    private static readonly (DicomTag Tag, DicomVR VR)[] RequiredEmpty =
    [
        (DicomTags.PatientName, DicomVR.PN), (DicomTags.PatientID, DicomVR.LO), (DicomTags.PatientBirthDate, DicomVR.DA),
        (DicomTags.PatientSex, DicomVR.CS), (DicomTags.StudyDate, DicomVR.DA), (DicomTags.StudyTime, DicomVR.TM),
        (DicomTags.ReferringPhysicianName, DicomVR.PN), (DicomTags.StudyID, DicomVR.SH),
        (DicomTags.AccessionNumber, DicomVR.SH), (DicomTags.PositionReferenceIndicator, DicomVR.LO),
    ];

    public static DicomDataset Build(DicomDataset source, DicomSeries series, IReadOnlyList<SegmentDefinition> segments,
        SegmentationWriterOptions options, List<(int Segment, int Slice)> frames)
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        foreach (var tag in PatientStudyAttributes)
        {
            ds.CopyFrom(source, tag);
        }
        foreach (var (tag, vr) in RequiredEmpty)
        {
            if (!ds.Contains(tag))
            {
                ds.SetString(tag, vr, string.Empty);
            }
        }
        if (string.IsNullOrEmpty(ds.GetString(DicomTags.FrameOfReferenceUID)))
        {
            ds.SetString(DicomTags.FrameOfReferenceUID, DicomVR.UI,
                string.IsNullOrEmpty(series.FrameOfReferenceUid) ? DicomUid.Generate() : series.FrameOfReferenceUid);
        }

        var now = DateTime.Now;
        var date = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var time = now.ToString("HHmmss.ffffff", CultureInfo.InvariantCulture);
        var sopInstance = DicomUid.Generate();
        var labelMap = options.Type == SegmentationType.LabelMap;
        ds.SetString(DicomTags.SOPClassUID, DicomVR.UI, labelMap ? SopClasses.LabelMapSegmentationStorage : SopClasses.SegmentationStorage);
        ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, sopInstance);
        ds.SetString(DicomTags.InstanceCreationDate, DicomVR.DA, date);
        ds.SetString(DicomTags.InstanceCreationTime, DicomVR.TM, time);
        ds.SetString(DicomTags.ContentDate, DicomVR.DA, date);
        ds.SetString(DicomTags.ContentTime, DicomVR.TM, time);
        ds.SetString(DicomTags.SeriesDate, DicomVR.DA, date);
        ds.SetString(DicomTags.SeriesTime, DicomVR.TM, time);

        // General/Segmentation Series, equipment.
        ds.SetString(DicomTags.Modality, DicomVR.CS, "SEG");
        ds.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, options.SeriesInstanceUid ?? DicomUid.Generate());
        ds.SetIntegerString(DicomTags.SeriesNumber, options.SeriesNumber);
        ds.SetString(DicomTags.SeriesDescription, DicomVR.LO, options.SeriesDescription);
        ds.SetString(DicomTags.Manufacturer, DicomVR.LO, options.Manufacturer);
        ds.SetString(DicomTags.ManufacturerModelName, DicomVR.LO, options.ManufacturerModelName);
        ds.SetString(DicomTags.DeviceSerialNumber, DicomVR.LO, options.DeviceSerialNumber);
        ds.SetString(DicomTags.SoftwareVersions, DicomVR.LO, options.SoftwareVersions);

        // Segmentation Image + Image Pixel.
        ds.SetString(DicomTags.ImageType, DicomVR.CS, "DERIVED", "PRIMARY");
        ds.SetIntegerString(DicomTags.InstanceNumber, options.InstanceNumber);
        ds.SetString(DicomTags.ContentLabel, DicomVR.CS, CodeString(options.ContentLabel));
        ds.SetString(DicomTags.ContentDescription, DicomVR.LO, options.ContentDescription);
        ds.SetString(DicomTags.ContentCreatorName, DicomVR.PN, options.ContentCreatorName);
        ds.SetUInt16(DicomTags.SamplesPerPixel, 1);
        ds.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.SetUInt16(DicomTags.Rows, (ushort)series.Rows);
        ds.SetUInt16(DicomTags.Columns, (ushort)series.Columns);
        var bits = options.Type == SegmentationType.Binary ? (ushort)1 : (ushort)8;
        ds.SetUInt16(DicomTags.BitsAllocated, bits);
        ds.SetUInt16(DicomTags.BitsStored, bits);
        ds.SetUInt16(DicomTags.HighBit, (ushort)(bits - 1));
        ds.SetUInt16(DicomTags.PixelRepresentation, 0);
        ds.SetString(DicomTags.LossyImageCompression, DicomVR.CS, "00");
        ds.SetIntegerString(DicomTags.NumberOfFrames, frames.Count);
        if (options.Type == SegmentationType.Binary)
        {
            ds.SetString(DicomTags.SegmentationType, DicomVR.CS, "BINARY");
        }
        else if (labelMap)
        {
            ds.SetString(DicomTags.SegmentationType, DicomVR.CS, "LABELMAP");
        }
        else
        {
            ds.SetString(DicomTags.SegmentationType, DicomVR.CS, "FRACTIONAL");
            ds.SetString(DicomTags.SegmentationFractionalType, DicomVR.CS, "PROBABILITY");
            ds.SetUInt16(DicomTags.MaximumFractionalValue, 255);
        }
        ds.SetSequence(DicomTags.SegmentSequence, segments.Select((s, i) => SegmentItem(s, i + 1, options.Algorithm)).ToArray());
        SegmentationFrameBuilder.AddFunctionalGroups(ds, series, frames, labelMap);
        SegmentationFrameBuilder.AddReferences(ds, series, frames);
        return ds;
    }

    private static DicomDataset SegmentItem(SegmentDefinition segment, int number, SegmentationAlgorithm algorithm)
    {
        var item = new DicomDataset();
        item.SetUInt16(DicomTags.SegmentNumber, (ushort)number);
        item.SetString(DicomTags.SegmentLabel, DicomVR.LO, segment.Label);
        if (!string.IsNullOrEmpty(segment.Description))
        {
            item.SetString(DicomTags.SegmentDescription, DicomVR.ST, segment.Description);
        }
        segment.Category.SetAsSequence(item, DicomTags.SegmentedPropertyCategoryCodeSequence);
        segment.Type.SetAsSequence(item, DicomTags.SegmentedPropertyTypeCodeSequence);
        item.SetString(DicomTags.SegmentAlgorithmType, DicomVR.CS, "AUTOMATIC");
        item.SetString(DicomTags.SegmentAlgorithmName, DicomVR.LO, algorithm.Name);
        var identification = new DicomDataset();
        algorithm.Family.SetAsSequence(identification, DicomTags.AlgorithmFamilyCodeSequence);
        identification.SetString(DicomTags.AlgorithmName, DicomVR.LO, algorithm.Name);
        identification.SetString(DicomTags.AlgorithmVersion, DicomVR.LO, algorithm.Version);
        if (!string.IsNullOrEmpty(algorithm.Parameters))
        {
            identification.SetString(DicomTags.AlgorithmParameters, DicomVR.LT, algorithm.Parameters);
        }
        item.SetSequence(DicomTags.SegmentationAlgorithmIdentificationSequence, identification);
        if (segment.RecommendedDisplayCieLab is { Count: 3 } lab)
        {
            item.SetUInt16(DicomTags.RecommendedDisplayCIELabValue, [.. lab]);
        }
        if (!string.IsNullOrEmpty(segment.TrackingId))
        {
            item.SetString(DicomTags.TrackingID, DicomVR.UT, segment.TrackingId);
            item.SetString(DicomTags.TrackingUID, DicomVR.UI, DicomUid.Generate());
        }
        return item;
    }

    /// <summary>A valid CS value: upper case letters, digits, space and underscore, at most 16 characters.</summary>
    private static string CodeString(string value)
    {
        var chars = value.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '_' ? c : '_').Take(16).ToArray();
        return chars.Length == 0 ? "SEGMENTATION" : new string(chars);
    }
}
