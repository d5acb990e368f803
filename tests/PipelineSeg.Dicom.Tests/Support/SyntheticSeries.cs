namespace PipelineSeg.Dicom.Tests.Support;

/// <summary>Writes small synthetic CT series with our writer (for assembly edge cases).</summary>
internal static class SyntheticSeries
{
    public static string SeriesUid(string dir, string prefix) =>
        DicomUid.FromGuid(new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(dir + prefix))));

    public static void Write(string dir, string prefix, int slices, int rows, int columns, int acquisition,
        string? seriesUid = null, bool samePosition = false, Func<int, (double X, double Y, double Z)>? position = null, double[]? orientation = null)
    {
        var study = DicomUid.FromGuid(new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(dir))));
        seriesUid ??= SeriesUid(dir, prefix);
        for (var z = 0; z < slices; z++)
        {
            var ds = new DicomDataset();
            ds.SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2");
            ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
            ds.SetString(DicomTags.StudyInstanceUID, DicomVR.UI, study);
            ds.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, seriesUid);
            ds.SetString(DicomTags.Modality, DicomVR.CS, "CT");
            ds.SetIntegerString(DicomTags.InstanceNumber, z + 1);
            ds.SetIntegerString(DicomTags.AcquisitionNumber, acquisition);
            var p = position?.Invoke(z) ?? (0, 0, samePosition ? 0 : z * 2.0);
            ds.SetDecimalString(DicomTags.ImagePositionPatient, p.X, p.Y, p.Z);
            ds.SetDecimalString(DicomTags.ImageOrientationPatient, orientation ?? [1, 0, 0, 0, 1, 0]);
            ds.SetDecimalString(DicomTags.PixelSpacing, 0.5, 0.5);
            ds.SetUInt16(DicomTags.Rows, (ushort)rows);
            ds.SetUInt16(DicomTags.Columns, (ushort)columns);
            ds.SetUInt16(DicomTags.SamplesPerPixel, 1);
            ds.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
            ds.SetUInt16(DicomTags.BitsAllocated, 16);
            ds.SetUInt16(DicomTags.BitsStored, 16);
            ds.SetUInt16(DicomTags.HighBit, 15);
            ds.SetUInt16(DicomTags.PixelRepresentation, 1);
            ds.SetDecimalString(DicomTags.RescaleIntercept, -1024);
            ds.SetDecimalString(DicomTags.RescaleSlope, 1);
            var pixels = new byte[rows * columns * 2];
            for (var i = 0; i < rows * columns; i++)
            {
                BitConverter.TryWriteBytes(pixels.AsSpan(i * 2), (short)((i + (z * 100) + (acquisition * 1000)) % 4000));
            }
            ds.SetBytes(DicomTags.PixelData, DicomVR.OW, pixels);
            DicomWriter.WriteFile(Path.Combine(dir, $"{prefix}{z:D4}.dcm"), ds);
        }
    }
}
