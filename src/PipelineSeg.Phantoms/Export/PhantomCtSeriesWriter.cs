using System.Globalization;
using PipelineSeg.Dicom;
using PipelineSeg.Imaging;
using PipelineSeg.Phantoms.Generation;
using PipelineSeg.Phantoms.Series;

namespace PipelineSeg.Phantoms.Export;

/// <summary>
/// Writes a phantom as a CT Image Storage series, one Explicit VR Little Endian file per slice, stored the classic way
/// (unsigned 12-bit, Rescale Intercept −1024) so readers must apply the modality rescale. UIDs are name-based on the
/// seed, so the same seed always gives the same files.
/// </summary>
public static class PhantomCtSeriesWriter
{
    /// <summary>CT Image Storage.</summary>
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    /// <summary>The identifiers shared by the CT series and its ground-truth SEG.</summary>
    public static PhantomStudy StudyOf(int seed) => new(
        DeterministicUid.From($"phantom/{seed}/study"),
        DeterministicUid.From($"phantom/{seed}/series"),
        DeterministicUid.From($"phantom/{seed}/frame-of-reference"),
        $"PHANTOM^{seed.ToString(CultureInfo.InvariantCulture)}",
        $"PHANTOM-{seed.ToString("D4", CultureInfo.InvariantCulture)}");

    /// <summary>Writes one file per slice into <paramref name="directory"/>; returns the paths in slice order.</summary>
    public static IReadOnlyList<string> Write(PhantomCase phantom, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phantom);
        Directory.CreateDirectory(directory);
        var study = StudyOf(phantom.Seed);
        var ct = phantom.Ct;
        var g = ct.Geometry;
        var rowDir = g.Direction.Column(0);
        var colDir = g.Direction.Column(1);
        var paths = new List<string>(ct.Depth);
        for (var z = 0; z < ct.Depth; z++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ds = CommonAttributes(study, phantom.Seed);
            var position = g.IndexToWorld(0, 0, z);
            ds.SetString(DicomTags.SOPClassUID, DicomVR.UI, CtImageStorage);
            ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, DeterministicUid.From($"phantom/{phantom.Seed}/ct/{z}"));
            ds.SetString(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
            ds.SetIntegerString(DicomTags.InstanceNumber, z + 1);
            ds.SetDecimalString(DicomTags.ImagePositionPatient, position.X, position.Y, position.Z);
            ds.SetDecimalString(DicomTags.ImageOrientationPatient, rowDir.X, rowDir.Y, rowDir.Z, colDir.X, colDir.Y, colDir.Z);
            ds.SetDecimalString(DicomTags.SliceLocation, position.Z);
            ds.SetDecimalString(DicomTags.PixelSpacing, g.Spacing.Y, g.Spacing.X);
            ds.SetDecimalString(DicomTags.SliceThickness, g.Spacing.Z);
            ds.SetUInt16(DicomTags.SamplesPerPixel, 1);
            ds.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
            ds.SetUInt16(DicomTags.Rows, (ushort)ct.Height);
            ds.SetUInt16(DicomTags.Columns, (ushort)ct.Width);
            ds.SetUInt16(DicomTags.BitsAllocated, 16);
            ds.SetUInt16(DicomTags.BitsStored, 12);
            ds.SetUInt16(DicomTags.HighBit, 11);
            ds.SetUInt16(DicomTags.PixelRepresentation, 0);
            ds.SetDecimalString(DicomTags.RescaleIntercept, -1024);
            ds.SetDecimalString(DicomTags.RescaleSlope, 1);
            ds.SetString(DicomTags.RescaleType, DicomVR.LO, "HU");
            ds.SetDecimalString(DicomTags.WindowCenter, 50);
            ds.SetDecimalString(DicomTags.WindowWidth, 400);
            ds.SetDecimalString(DicomTags.KVP, 120);
            ds.SetIntegerString(DicomTags.AcquisitionNumber, 1);
            ds.SetBytes(DicomTags.PixelData, DicomVR.OW, StoredPixels(ct, z));
            var path = Path.Combine(directory, $"CT{(z + 1).ToString("D4", CultureInfo.InvariantCulture)}.dcm");
            DicomWriter.WriteFile(path, ds);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>Patient, study, series and equipment attributes shared by the CT slices and the SEG.</summary>
    public static DicomDataset CommonAttributes(PhantomStudy study, int seed)
    {
        ArgumentNullException.ThrowIfNull(study);
        var ds = new DicomDataset();
        ds.SetString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        ds.SetString(DicomTags.PatientName, DicomVR.PN, study.PatientName);
        ds.SetString(DicomTags.PatientID, DicomVR.LO, study.PatientId);
        ds.SetString(DicomTags.PatientBirthDate, DicomVR.DA, string.Empty);
        ds.SetString(DicomTags.PatientSex, DicomVR.CS, "O");
        ds.SetString(DicomTags.StudyInstanceUID, DicomVR.UI, study.StudyInstanceUid);
        ds.SetString(DicomTags.StudyDate, DicomVR.DA, "20240101");
        ds.SetString(DicomTags.StudyTime, DicomVR.TM, "120000");
        ds.SetString(DicomTags.ReferringPhysicianName, DicomVR.PN, string.Empty);
        ds.SetString(DicomTags.StudyID, DicomVR.SH, seed.ToString(CultureInfo.InvariantCulture));
        ds.SetString(DicomTags.AccessionNumber, DicomVR.SH, string.Empty);
        ds.SetString(DicomTags.Modality, DicomVR.CS, "CT");
        ds.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, study.SeriesInstanceUid);
        ds.SetIntegerString(DicomTags.SeriesNumber, 1);
        ds.SetString(DicomTags.SeriesDescription, DicomVR.LO, "Synthetic abdomen phantom");
        ds.SetString(DicomTags.PatientPosition, DicomVR.CS, "FFS");
        ds.SetString(DicomTags.BodyPartExamined, DicomVR.CS, "ABDOMEN");
        ds.SetString(DicomTags.FrameOfReferenceUID, DicomVR.UI, study.FrameOfReferenceUid);
        ds.SetString(DicomTags.PositionReferenceIndicator, DicomVR.LO, string.Empty);
        ds.SetString(DicomTags.Manufacturer, DicomVR.LO, "PipelineSeg phantom generator");
        ds.SetString(DicomTags.ContentDate, DicomVR.DA, "20240101");
        ds.SetString(DicomTags.ContentTime, DicomVR.TM, "120000");
        return ds;
    }

    private static byte[] StoredPixels(Volume<short> ct, int z)
    {
        var slice = ct.Slice(z);
        var bytes = new byte[slice.Length * 2];
        for (var i = 0; i < slice.Length; i++)
        {
            var stored = (ushort)Math.Clamp(slice[i] + 1024, 0, 4095);
            bytes[2 * i] = (byte)stored;
            bytes[(2 * i) + 1] = (byte)(stored >> 8);
        }
        return bytes;
    }
}
