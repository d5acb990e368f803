using System.Globalization;
using System.Runtime.ExceptionServices;
using PipelineSeg.Dicom;
using PipelineSeg.Imaging;

namespace PipelineSeg.Phantoms.Series;

/// <summary>
/// Writes a synthetic CT Image Storage series with our Part 10 writer, one Explicit VR Little Endian file per slice,
/// stored the classic way (unsigned 12-bit, Rescale Intercept −1024) so readers must apply the modality rescale. The
/// one writer behind phantom exports, the DICOM benchmark and the series-assembly tests: what differs between them is
/// options and pixels, never the encoding.
/// </summary>
public static class SyntheticCtSeriesWriter
{
    // The profile's storage: unsigned, 12 bits stored, Rescale Intercept −1024 (see synthetic-ct.json).
    private const int RescaleIntercept = -1024;
    private const int MaxStored = 4095;

    /// <summary>Writes one file per slice into <paramref name="directory"/>; returns the paths in slice order.</summary>
    public static IReadOnlyList<string> Write(SyntheticSeriesOptions options, ISlicePixelSource pixels, string directory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        options.Validate();
        Directory.CreateDirectory(directory);
        var paths = new string[options.Size.Z];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, options.Size.Z, parallel, z =>
            {
                var path = Path.Combine(directory, $"{options.FileNamePrefix}{(z + 1).ToString("D4", CultureInfo.InvariantCulture)}.dcm");
                DicomWriter.WriteFile(path, Slice(options, pixels, z));
                paths[z] = path;
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Callers see the first failure itself (e.g. an IOException for a full disk), as from a plain loop.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return paths;
    }

    private static DicomDataset Slice(SyntheticSeriesOptions options, ISlicePixelSource pixels, int z)
    {
        var g = options.Geometry;
        var rowDir = g.Direction.Column(0);
        var colDir = g.Direction.Column(1);
        var position = options.SlicePosition?.Invoke(z) ?? g.IndexToWorld(0, 0, z);
        var ds = new DicomDataset();
        SyntheticCtProfile.CopyTo(ds);
        var id = options.Identity;
        ds.SetString(DicomTags.PatientName, DicomVR.PN, id.PatientName);
        ds.SetString(DicomTags.PatientID, DicomVR.LO, id.PatientId);
        ds.SetString(DicomTags.StudyInstanceUID, DicomVR.UI, id.StudyInstanceUid);
        ds.SetString(DicomTags.StudyID, DicomVR.SH, id.StudyId);
        ds.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, id.SeriesInstanceUid);
        ds.SetString(DicomTags.SeriesDescription, DicomVR.LO, id.SeriesDescription);
        ds.SetString(DicomTags.FrameOfReferenceUID, DicomVR.UI, id.FrameOfReferenceUid);
        ds.SetString(DicomTags.SOPClassUID, DicomVR.UI, SopClasses.CtImageStorage);
        ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, id.SopInstanceUid(z));
        ds.SetString(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.SetIntegerString(DicomTags.AcquisitionNumber, options.AcquisitionNumber);
        ds.SetIntegerString(DicomTags.InstanceNumber, z + 1);
        ds.SetDecimalString(DicomTags.ImagePositionPatient, position.X, position.Y, position.Z);
        ds.SetDecimalString(DicomTags.ImageOrientationPatient, rowDir.X, rowDir.Y, rowDir.Z, colDir.X, colDir.Y, colDir.Z);
        ds.SetDecimalString(DicomTags.SliceLocation, Vec3.Dot(position, g.Direction.Column(2)));
        ds.SetDecimalString(DicomTags.PixelSpacing, g.Spacing.Y, g.Spacing.X);
        ds.SetDecimalString(DicomTags.SliceThickness, g.Spacing.Z);
        ds.SetUInt16(DicomTags.Rows, (ushort)options.Size.Y);
        ds.SetUInt16(DicomTags.Columns, (ushort)options.Size.X);
        ds.SetBytes(DicomTags.PixelData, DicomVR.OW, StoredPixels(pixels, z, options.Size.SliceLength));
        return ds;
    }

    private static byte[] StoredPixels(ISlicePixelSource pixels, int z, int sliceLength)
    {
        var hu = new short[sliceLength];
        pixels.ReadSlice(z, hu);
        var bytes = new byte[sliceLength * 2];
        for (var i = 0; i < hu.Length; i++)
        {
            var stored = (ushort)Math.Clamp(hu[i] - RescaleIntercept, 0, MaxStored);
            bytes[2 * i] = (byte)stored;
            bytes[(2 * i) + 1] = (byte)(stored >> 8);
        }
        return bytes;
    }
}
