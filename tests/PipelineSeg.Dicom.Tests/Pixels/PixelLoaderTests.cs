using PipelineSeg.Dicom.Tests.Support;

namespace PipelineSeg.Dicom.Tests.Pixels;

public sealed class PixelLoaderTests
{
    [SkippableTheory]
    [InlineData("ct-series", "dcmqi-ct-3slice")]
    [InlineData("mr-series", "dcmqi-QIN-PROSTATE-ADC")]
    [InlineData("ct-series", "pydicom-98892001-CT5N")]
    public async Task Series_volume_equals_pydicom_with_modality_lut(string root, string folder)
    {
        var series = await Samples.SingleVolumeAsync(root, folder);
        var volume = DicomPixelLoader.LoadVolume(series);
        var expected = PydicomReference.ModalityPixels(series.Slices.Select(s => s.FilePath));
        Assert.Equal(expected.Length, volume.Length);
        Assert.True(expected.AsSpan().SequenceEqual(volume), "voxel values differ from pydicom");
    }

    [SkippableTheory]
    [InlineData("ct-series", "dcmqi-ct-3slice", 1, 2)]
    [InlineData("ct-series", "dcmqi-ct-3slice", 0, 3)]
    [InlineData("ct-series", "pydicom-98892001-CT5N", 2, 0)]
    public async Task A_slice_range_holds_the_same_values_as_that_part_of_the_volume(string root, string folder, int first, int count)
    {
        var series = await Samples.SingleVolumeAsync(root, folder);
        var plane = series.Rows * series.Columns;
        var whole = DicomPixelLoader.LoadVolume(series);
        first = Math.Min(first, series.Slices.Count - count);
        var part = new float[count * plane];
        DicomPixelLoader.LoadSlices(series, first, count, part);
        Assert.True(whole.AsSpan(first * plane, count * plane).SequenceEqual(part), "slice range differs from the whole volume");
        var inTurn = new float[count * plane];
        DicomPixelLoader.LoadSlices(series, first, count, inTurn, maxDegreeOfParallelism: 1);
        Assert.True(part.AsSpan().SequenceEqual(inTurn), "files read in turn differ from files read in parallel");
        Assert.Throws<ArgumentOutOfRangeException>(() => DicomPixelLoader.LoadSlices(series, series.Slices.Count, 1, part));
        Assert.Throws<ArgumentOutOfRangeException>(() => DicomPixelLoader.LoadSlices(series, first, count, part, maxDegreeOfParallelism: 0));
    }

    [SkippableTheory]
    [InlineData("transfer-syntaxes/pydicom-MR_small/MR_small_bigendian.dcm")]
    [InlineData("transfer-syntaxes/pydicom-emri-multiframe/emri_small_big_endian.dcm")]
    [InlineData("transfer-syntaxes/misc/rtdose_rle.dcm")]
    [InlineData("transfer-syntaxes/misc/image_dfl.dcm")]
    [InlineData("malformed/pydicom/MR_small_padded.dcm")]
    [InlineData("transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_RLELosslessTransferSyntax_1.2.840.10008.1.2.5.dcm")]
    public void Single_files_equal_pydicom(string relative)
    {
        var path = Samples.Path(relative.Split('/'));
        using var file = DicomFile.Open(path);
        var pixels = DicomPixelData.Create(file);
        var plane = pixels.Info.Rows * pixels.Info.Columns;
        var values = new float[plane * pixels.NumberOfFrames];
        for (var f = 0; f < pixels.NumberOfFrames; f++)
        {
            DicomPixelLoader.LoadFrame(pixels, f, values.AsSpan(f * plane, plane));
        }
        var expected = PydicomReference.ModalityPixels([path]);
        Assert.True(expected.AsSpan().SequenceEqual(values), "values differ from pydicom");
    }

    [SkippableFact]
    public void Bits_stored_below_bits_allocated_are_masked_and_sign_extended_from_the_high_bit()
    {
        // 12-bit signed values stored with garbage in the top 4 bits (overlay bits), High Bit 11.
        ushort[] raw = [0xF800, 0x07FF, 0xA001, 0x5FFF];
        var bytes = new byte[raw.Length * 2];
        Buffer.BlockCopy(raw, 0, bytes, 0, bytes.Length);
        var result = new float[raw.Length];
        PixelConverter.ToFloat(bytes, 16, 12, 11, signed: true, new ModalityTransform(2, 10), result);
        Assert.Equal([(-2048 * 2) + 10, (2047 * 2) + 10, (1 * 2) + 10, (-1 * 2) + 10], result);
        PixelConverter.ToFloat(bytes, 16, 12, 11, signed: false, ModalityTransform.Identity, result);
        Assert.Equal([2048f, 2047f, 1f, 4095f], result);
    }

    [SkippableFact]
    public void Vector_and_scalar_paths_agree_on_long_rows()
    {
        var rnd = new Random(5);
        var raw = new ushort[1031];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = (ushort)rnd.Next(65536);
        }
        var bytes = new byte[raw.Length * 2];
        Buffer.BlockCopy(raw, 0, bytes, 0, bytes.Length);
        var result = new float[raw.Length];
        PixelConverter.ToFloat(bytes, 16, 10, 12, signed: true, new ModalityTransform(0.5, -3), result);
        for (var i = 0; i < raw.Length; i++)
        {
            var stored = (int)((uint)raw[i] << (31 - 12)) >> (32 - 10);
            Assert.Equal((float)((stored * 0.5) - 3), result[i]);
        }
    }

    [SkippableFact]
    public void Enhanced_ct_applies_the_shared_pixel_value_transformation()
    {
        // pydicom 2.3 ignores functional groups, so compare with its raw values plus the shared intercept (-1024).
        var path = Samples.Path("ct-series", "enhanced", "eCT_Supplemental.dcm");
        using var file = DicomFile.Open(path);
        var pixels = DicomPixelData.Create(file);
        var plane = 512 * 512;
        var values = new float[plane * 2];
        DicomPixelLoader.LoadFrame(pixels, 0, values.AsSpan(0, plane));
        DicomPixelLoader.LoadFrame(pixels, 1, values.AsSpan(plane, plane));
        var raw = ExternalTool.RunPython("""
import sys, pydicom, numpy as np
a = pydicom.dcmread(sys.argv[1]).pixel_array.astype(np.int64)
print(int(a.sum()), int(a.size))
""", path).Split(' ');
        var expectedSum = long.Parse(raw[0], System.Globalization.CultureInfo.InvariantCulture) - (1024L * plane * 2);
        Assert.Equal(expectedSum, values.Sum(v => (long)v));
    }
}
