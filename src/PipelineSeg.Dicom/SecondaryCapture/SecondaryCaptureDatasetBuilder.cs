using System.Globalization;

namespace PipelineSeg.Dicom.SecondaryCapture;

/// <summary>
/// Builds one RGB Secondary Capture Image (PS3.3 A.8.1) for one source slice: patient, study and Frame of Reference
/// copied from that slice, so the image lands in the source study; ImagePositionPatient, ImageOrientationPatient,
/// PixelSpacing and SliceThickness copied too, so viewers and our reader place it where the slice is.
/// </summary>
internal static class SecondaryCaptureDatasetBuilder
{
    private static readonly DicomTag[] Copied =
    [
        DicomTags.PatientName, DicomTags.PatientID, DicomTags.IssuerOfPatientID, DicomTags.PatientBirthDate,
        DicomTags.PatientSex, DicomTags.PatientAge, DicomTags.PatientWeight, DicomTags.PatientSize,
        DicomTags.PatientIdentityRemoved, DicomTags.DeidentificationMethod,
        DicomTags.ClinicalTrialSponsorName, DicomTags.ClinicalTrialProtocolID, DicomTags.ClinicalTrialSiteID, DicomTags.ClinicalTrialSubjectID,
        DicomTags.StudyInstanceUID, DicomTags.StudyDate, DicomTags.StudyTime, DicomTags.ReferringPhysicianName,
        DicomTags.StudyID, DicomTags.AccessionNumber, DicomTags.StudyDescription,
        DicomTags.FrameOfReferenceUID, DicomTags.PositionReferenceIndicator,
        DicomTags.ImagePositionPatient, DicomTags.ImageOrientationPatient, DicomTags.PixelSpacing, DicomTags.SliceThickness,
        DicomTags.SliceLocation, DicomTags.Laterality,
    ];

    /// <summary>Type 2 attributes that must be present, even empty, when the source lacks them.</summary>
    private static readonly (DicomTag Tag, DicomVR VR)[] RequiredEmpty =
    [
        (DicomTags.PatientName, DicomVR.PN), (DicomTags.PatientID, DicomVR.LO), (DicomTags.PatientBirthDate, DicomVR.DA),
        (DicomTags.PatientSex, DicomVR.CS), (DicomTags.StudyDate, DicomVR.DA), (DicomTags.StudyTime, DicomVR.TM),
        (DicomTags.ReferringPhysicianName, DicomVR.PN), (DicomTags.StudyID, DicomVR.SH), (DicomTags.AccessionNumber, DicomVR.SH),
        (DicomTags.Laterality, DicomVR.CS), // 2C (paired body part): dciodvfy cannot tell, so present and empty unless known
    ];

    public static DicomDataset Build(DicomDataset source, DicomSeries series, int sliceIndex, int rows, int columns, ReadOnlyMemory<byte> rgb,
        SecondaryCaptureOptions options, string seriesInstanceUid, int instanceNumber, DateTime now)
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        foreach (var tag in Copied)
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
        var slice = series.Slices[sliceIndex];
        if (series.Geometry is { } g)
        {
            // the series' geometry, not the file's top level: right for frames of a multi-frame source too
            var position = slice.Position ?? g.SlicePosition(sliceIndex);
            ds.SetDecimalString(DicomTags.ImagePositionPatient, position.X, position.Y, position.Z);
            ds.SetDecimalString(DicomTags.ImageOrientationPatient, g.RowDirection.X, g.RowDirection.Y, g.RowDirection.Z,
                g.ColumnDirection.X, g.ColumnDirection.Y, g.ColumnDirection.Z);
            ds.SetDecimalString(DicomTags.PixelSpacing, g.Spacing.Y, g.Spacing.X);
        }
        var date = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var time = now.ToString("HHmmss.ffffff", CultureInfo.InvariantCulture);
        ds.SetString(DicomTags.SOPClassUID, DicomVR.UI, SopClasses.SecondaryCaptureImageStorage);
        ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.SetString(DicomTags.InstanceCreationDate, DicomVR.DA, date);
        ds.SetString(DicomTags.InstanceCreationTime, DicomVR.TM, time);
        ds.SetString(DicomTags.SeriesDate, DicomVR.DA, date);
        ds.SetString(DicomTags.SeriesTime, DicomVR.TM, time);
        ds.SetString(DicomTags.ContentDate, DicomVR.DA, date);
        ds.SetString(DicomTags.ContentTime, DicomVR.TM, time);

        // General Series, SC Equipment (WSD: workstation), General Equipment.
        ds.SetString(DicomTags.Modality, DicomVR.CS, "OT");
        ds.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, seriesInstanceUid);
        ds.SetIntegerString(DicomTags.SeriesNumber, options.SeriesNumber);
        ds.SetString(DicomTags.SeriesDescription, DicomVR.LO, options.SeriesDescription);
        ds.SetString(DicomTags.ConversionType, DicomVR.CS, "WSD");
        ds.SetString(DicomTags.Manufacturer, DicomVR.LO, options.Manufacturer);
        ds.SetString(DicomTags.SoftwareVersions, DicomVR.LO, options.SoftwareVersions);

        // General Image: derived from exactly this slice.
        ds.SetString(DicomTags.ImageType, DicomVR.CS, "DERIVED", "SECONDARY");
        ds.SetIntegerString(DicomTags.InstanceNumber, instanceNumber);
        ds.SetString(DicomTags.PatientOrientation, DicomVR.CS, string.Empty);
        ds.SetString(DicomTags.BurnedInAnnotation, DicomVR.CS, options.BurnedInAnnotation ? "YES" : "NO");
        if (!string.IsNullOrEmpty(options.DerivationDescription))
        {
            ds.SetString(DicomTags.DerivationDescription, DicomVR.ST, options.DerivationDescription);
        }
        var reference = new DicomDataset();
        reference.SetString(DicomTags.ReferencedSOPClassUID, DicomVR.UI, slice.SopClassUid);
        reference.SetString(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, slice.SopInstanceUid);
        if (slice.IsFrameOfMultiFrame)
        {
            reference.SetIntegerString(DicomTags.ReferencedFrameNumber, slice.FrameIndex + 1);
        }
        ds.SetSequence(DicomTags.SourceImageSequence, reference);

        // Image Pixel: 8-bit RGB, colour-by-pixel.
        ds.SetUInt16(DicomTags.SamplesPerPixel, 3);
        ds.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "RGB");
        ds.SetUInt16(DicomTags.PlanarConfiguration, 0);
        ds.SetUInt16(DicomTags.Rows, checked((ushort)rows));
        ds.SetUInt16(DicomTags.Columns, checked((ushort)columns));
        ds.SetUInt16(DicomTags.BitsAllocated, 8);
        ds.SetUInt16(DicomTags.BitsStored, 8);
        ds.SetUInt16(DicomTags.HighBit, 7);
        ds.SetUInt16(DicomTags.PixelRepresentation, 0);
        ds.SetString(DicomTags.LossyImageCompression, DicomVR.CS, "00");
        var bytes = rgb;
        if ((rgb.Length & 1) == 1)
        {
            var padded = new byte[rgb.Length + 1];
            rgb.CopyTo(padded);
            bytes = padded;
        }
        ds.SetBytes(DicomTags.PixelData, DicomVR.OB, bytes);
        return ds;
    }
}
