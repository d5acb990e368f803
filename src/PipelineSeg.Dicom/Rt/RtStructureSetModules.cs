using System.Globalization;
using PipelineSeg.Dicom.Seg;

namespace PipelineSeg.Dicom.Rt;

/// <summary>The modules of an RT Structure Set: patient/study/series header, Structure Set, ROI Contour, RT ROI Observations.</summary>
internal static class RtStructureSetModules
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
    ];

    /// <summary>Type 2 attributes that must be present, even empty, when the source lacks them.</summary>
    private static readonly (DicomTag Tag, DicomVR VR)[] RequiredEmpty =
    [
        (DicomTags.PatientName, DicomVR.PN), (DicomTags.PatientID, DicomVR.LO), (DicomTags.PatientBirthDate, DicomVR.DA),
        (DicomTags.PatientSex, DicomVR.CS), (DicomTags.StudyDate, DicomVR.DA), (DicomTags.StudyTime, DicomVR.TM),
        (DicomTags.ReferringPhysicianName, DicomVR.PN), (DicomTags.StudyID, DicomVR.SH), (DicomTags.AccessionNumber, DicomVR.SH),
    ];

    /// <summary>SOP Common, Patient, General Study, RT Series, General Equipment and the Structure Set's own attributes.</summary>
    public static DicomDataset Header(DicomDataset source, RtStructureSetWriterOptions options)
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
        var now = DateTime.Now;
        var date = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var time = now.ToString("HHmmss.ffffff", CultureInfo.InvariantCulture);
        ds.SetString(DicomTags.SOPClassUID, DicomVR.UI, SopClasses.RtStructureSetStorage);
        ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.SetString(DicomTags.InstanceCreationDate, DicomVR.DA, date);
        ds.SetString(DicomTags.InstanceCreationTime, DicomVR.TM, time);
        ds.SetString(DicomTags.Modality, DicomVR.CS, "RTSTRUCT");
        ds.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, options.SeriesInstanceUid ?? DicomUid.Generate());
        ds.SetIntegerString(DicomTags.SeriesNumber, options.SeriesNumber);
        ds.SetString(DicomTags.SeriesDate, DicomVR.DA, date);
        ds.SetString(DicomTags.SeriesTime, DicomVR.TM, time);
        ds.SetString(DicomTags.SeriesDescription, DicomVR.LO, options.SeriesDescription);
        ds.SetString(DicomTags.OperatorsName, DicomVR.PN, string.Empty);
        ds.SetString(DicomTags.Manufacturer, DicomVR.LO, options.Manufacturer);
        ds.SetString(DicomTags.ManufacturerModelName, DicomVR.LO, options.ManufacturerModelName);
        ds.SetString(DicomTags.SoftwareVersions, DicomVR.LO, options.SoftwareVersions);
        ds.SetString(DicomTags.StructureSetLabel, DicomVR.SH, options.Label.Length > 16 ? options.Label[..16] : options.Label);
        if (!string.IsNullOrEmpty(options.Description))
        {
            ds.SetString(DicomTags.StructureSetDescription, DicomVR.ST, options.Description);
        }
        ds.SetIntegerString(DicomTags.InstanceNumber, 1);
        ds.SetString(DicomTags.StructureSetDate, DicomVR.DA, date);
        ds.SetString(DicomTags.StructureSetTime, DicomVR.TM, time);
        return ds;
    }

    /// <summary>The Frame of Reference of the CT, its study, its series and every image of the series.</summary>
    public static DicomDataset FrameOfReference(DicomSeries source, string frameOfReference)
    {
        var series = new DicomDataset();
        series.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, source.SeriesInstanceUid);
        series.SetSequence(DicomTags.ContourImageSequence, [.. source.Slices
            .DistinctBy(s => (s.SopInstanceUid, s.FrameIndex))
            .Select(ImageReference)]);
        var study = new DicomDataset();
        study.SetString(DicomTags.ReferencedSOPClassUID, DicomVR.UI, SopClasses.DetachedStudyManagement);
        study.SetString(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, source.StudyInstanceUid);
        study.SetSequence(DicomTags.RTReferencedSeriesSequence, series);
        var item = new DicomDataset();
        item.SetString(DicomTags.FrameOfReferenceUID, DicomVR.UI, frameOfReference);
        item.SetSequence(DicomTags.RTReferencedStudySequence, study);
        return item;
    }

    /// <summary>Structure Set ROI item: number, frame of reference, name, how it was made.</summary>
    public static DicomDataset StructureSetRoi(RtRoi roi, int number, string frameOfReference, SegmentationAlgorithm algorithm)
    {
        var item = new DicomDataset();
        item.SetIntegerString(DicomTags.ROINumber, number);
        item.SetString(DicomTags.ReferencedFrameOfReferenceUID, DicomVR.UI, frameOfReference);
        item.SetString(DicomTags.ROIName, DicomVR.LO, roi.Name);
        if (!string.IsNullOrEmpty(roi.Description))
        {
            item.SetString(DicomTags.ROIDescription, DicomVR.ST, roi.Description);
        }
        item.SetString(DicomTags.ROIGenerationAlgorithm, DicomVR.CS, "AUTOMATIC");
        item.SetString(DicomTags.ROIGenerationDescription, DicomVR.LO, $"{algorithm.Name} {algorithm.Version}");
        return item;
    }

    /// <summary>ROI Contour item: colour and the closed planar contours, each referencing its image.</summary>
    public static DicomDataset RoiContour(RtRoi roi, int number, DicomSeries source)
    {
        var item = new DicomDataset();
        item.SetIntegerString(DicomTags.ROIDisplayColor, roi.Color.R, roi.Color.G, roi.Color.B);
        item.SetIntegerString(DicomTags.ReferencedROINumber, number);
        if (roi.Contours.Count > 0)
        {
            item.SetSequence(DicomTags.ContourSequence, [.. roi.Contours.Select((c, i) => Contour(c, i + 1, source))]);
        }
        return item;
    }

    /// <summary>RT ROI Observations item: what the ROI is, coded (SNOMED CT from the model manifest).</summary>
    public static DicomDataset Observation(RtRoi roi, int number)
    {
        var item = new DicomDataset();
        item.SetIntegerString(DicomTags.ObservationNumber, number);
        item.SetIntegerString(DicomTags.ReferencedROINumber, number);
        item.SetSequence(DicomTags.RTROIIdentificationCodeSequence, roi.Type.ToItem());
        item.SetString(DicomTags.RTROIInterpretedType, DicomVR.CS, roi.InterpretedType);
        item.SetString(DicomTags.ROIInterpreter, DicomVR.PN, string.Empty);
        return item;
    }

    private static DicomDataset Contour(RtContour contour, int number, DicomSeries source)
    {
        var item = new DicomDataset();
        item.SetIntegerString(DicomTags.ContourNumber, number);
        item.SetSequence(DicomTags.ContourImageSequence, ImageReference(source.Slices[contour.SliceIndex]));
        item.SetString(DicomTags.ContourGeometricType, DicomVR.CS, "CLOSED_PLANAR");
        item.SetIntegerString(DicomTags.NumberOfContourPoints, contour.Points.Length / 3);
        // Micrometre precision keeps every value short (DS ≤ 16 characters) and is far below any pixel size.
        item.SetString(DicomTags.ContourData, DicomVR.DS, [.. contour.Points.Select(v => Math.Round(v, 3).ToString("0.###", CultureInfo.InvariantCulture))]);
        return item;
    }

    private static DicomDataset ImageReference(DicomSlice slice)
    {
        var item = new DicomDataset();
        item.SetString(DicomTags.ReferencedSOPClassUID, DicomVR.UI, slice.SopClassUid);
        item.SetString(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, slice.SopInstanceUid);
        if (slice.IsFrameOfMultiFrame)
        {
            item.SetIntegerString(DicomTags.ReferencedFrameNumber, slice.FrameIndex + 1);
        }
        return item;
    }
}
