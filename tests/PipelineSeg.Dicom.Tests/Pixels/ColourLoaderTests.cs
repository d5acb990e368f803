namespace PipelineSeg.Dicom.Tests.Pixels;

/// <summary>Colour series read as R, G, B planes, against pydicom (pixel_array, then convert_color_space for YBR).</summary>
public sealed class ColourLoaderTests
{
    [SkippableTheory]
    [InlineData("rgb0")]
    [InlineData("rgb1")]
    [InlineData("ybr0")]
    [InlineData("ybr1")]
    [InlineData("jpeg")]
    public async Task A_colour_series_reads_as_the_rgb_planes_pydicom_gives(string kind)
    {
        using var colour = ColourSeries.Create(kind, slices: 3);
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(colour.Folder)).Volumes);
        Assert.True(series.IsColour);
        var planes = 3 * series.Rows * series.Columns;
        var rgb = new float[3 * planes];

        DicomColourLoader.LoadSlices(series, 0, 3, rgb);

        var reference = colour.Reference!;
        Assert.Equal(reference.Length, rgb.Length);
        var differing = Enumerable.Range(0, rgb.Length).Count(i => rgb[i] != reference[i]);
        Assert.True(differing == 0, $"{differing} of {rgb.Length} samples differ from pydicom");
        // Not a flat image: the comparison would prove little (the JPEG sample has 23 distinct values, ours hundreds).
        Assert.True(rgb.Distinct().Count() > 20);

        var middle = new float[planes];
        DicomColourLoader.LoadSlices(series, 1, 1, middle);
        Assert.True(rgb.AsSpan(planes, planes).SequenceEqual(middle), "one slice differs from that slice of the whole series");
    }

    [SkippableFact]
    public async Task Native_ybr_full_422_is_refused_with_the_reason()
    {
        using var colour = ColourSeries.Create("ybr422", slices: 2);
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(colour.Folder)).Volumes);
        Assert.Equal("YBR_FULL_422", series.PhotometricInterpretation);

        var e = Assert.ThrowsAny<DicomException>(() => DicomColourLoader.LoadSlices(series, 0, 2, new float[2 * 3 * series.Rows * series.Columns]));

        Assert.Contains("YBR_FULL_422", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_grey_loader_refuses_a_colour_series_and_names_the_colour_loader()
    {
        using var colour = ColourSeries.Create("rgb0", slices: 2);
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(colour.Folder)).Volumes);

        var e = Assert.ThrowsAny<DicomException>(() => DicomPixelLoader.LoadVolume(series));

        Assert.Contains("colour image (RGB)", e.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DicomColourLoader), e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Ybr_full_to_rgb_equals_pydicom_for_every_8_bit_triple()
    {
        const string Script = """
import sys, numpy as np
from pydicom.pixel_data_handlers.util import convert_color_space
a = np.stack(np.meshgrid(np.arange(256), np.arange(256), np.arange(256), indexing='ij'), -1).reshape(4096, 4096, 3).astype(np.uint8)
open(sys.argv[1], 'wb').write(convert_color_space(a, 'YBR_FULL', 'RGB').tobytes())
""";
        var path = Path.Combine(Path.GetTempPath(), $"ybr-{Guid.NewGuid():N}.u8");
        try
        {
            ExternalTool.RunPython(Script, path);
            var expected = File.ReadAllBytes(path);
            Assert.Equal(3 << 24, expected.Length);
            var differing = 0;
            for (var i = 0; i < 1 << 24; i++)
            {
                var (r, g, b) = YbrFullToRgb.Convert((byte)(i >> 16), (byte)(i >> 8), (byte)i);
                differing += r != expected[3 * i] || g != expected[(3 * i) + 1] || b != expected[(3 * i) + 2] ? 1 : 0;
            }
            Assert.Equal(0, differing);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
