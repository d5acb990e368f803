using PipelineSeg.Dicom;

namespace PipelineSeg.Bench.Dicom;

/// <summary>Writes (once) a synthetic 512×512 CT series of N slices with our Part 10 writer, for the benchmark.</summary>
internal static class SyntheticCtSeries
{
    public static string Ensure(int slices)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pipelineseg-bench-synthetic-{slices}");
        if (Directory.Exists(dir) && Directory.GetFiles(dir).Length == slices)
        {
            return dir;
        }
        Directory.CreateDirectory(dir);
        var study = DicomUid.Generate();
        var series = DicomUid.Generate();
        var frame = DicomUid.Generate();
        const int size = 512;
        Parallel.For(0, slices, z =>
        {
            var ds = new DicomDataset();
            ds.SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2");
            ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
            ds.SetString(DicomTags.StudyInstanceUID, DicomVR.UI, study);
            ds.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, series);
            ds.SetString(DicomTags.FrameOfReferenceUID, DicomVR.UI, frame);
            ds.SetString(DicomTags.Modality, DicomVR.CS, "CT");
            ds.SetIntegerString(DicomTags.InstanceNumber, z + 1);
            ds.SetDecimalString(DicomTags.ImagePositionPatient, -250, -250, z * 0.7);
            ds.SetDecimalString(DicomTags.ImageOrientationPatient, 1, 0, 0, 0, 1, 0);
            ds.SetDecimalString(DicomTags.PixelSpacing, 0.9, 0.9);
            ds.SetDecimalString(DicomTags.SliceThickness, 0.7);
            ds.SetUInt16(DicomTags.Rows, size);
            ds.SetUInt16(DicomTags.Columns, size);
            ds.SetUInt16(DicomTags.SamplesPerPixel, 1);
            ds.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
            ds.SetUInt16(DicomTags.BitsAllocated, 16);
            ds.SetUInt16(DicomTags.BitsStored, 12);
            ds.SetUInt16(DicomTags.HighBit, 11);
            ds.SetUInt16(DicomTags.PixelRepresentation, 0);
            ds.SetDecimalString(DicomTags.RescaleIntercept, -1024);
            ds.SetDecimalString(DicomTags.RescaleSlope, 1);
            var slice = new byte[size * size * 2];
            for (var i = 0; i < size * size; i++)
            {
                var x = i % size;
                var y = i / size;
                var v = (ushort)((((x - 256) * (x - 256)) + ((y - 256) * (y - 256)) < 200 * 200 ? 1000 + ((x + y + z) % 200) : 24) & 0x0FFF);
                slice[i * 2] = (byte)v;
                slice[(i * 2) + 1] = (byte)(v >> 8);
            }
            ds.SetBytes(DicomTags.PixelData, DicomVR.OW, slice);
            DicomWriter.WriteFile(Path.Combine(dir, $"slice{z:D4}.dcm"), ds);
        });
        return dir;
    }
}
