using System.Globalization;
using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;
using AbstractionsConcept = PipelineSeg.Plugins.Abstractions.CodedConcept;

namespace PipelineSeg.Pipeline.Tests.Outputs;

/// <summary>The pipeline's SEG: a colour on every segment (checked by pydicom and dciodvfy) and the read-back check after the write.</summary>
public sealed class SegmentationOutputTests
{
    private static ModelManifest Manifest(IReadOnlyList<int>? liverColor, bool liverContainsLesion = true) => new()
    {
        Id = "test",
        Name = "Test model",
        Version = "1.0",
        Family = "test",
        Input = new ModelInputSpec { Width = 32, Height = 32 },
        Output = new ModelOutputSpec
        {
            Classes =
            [
                new SegmentClass { Index = 0, Label = "background", IsBackground = true },
                new SegmentClass { Index = 1, Label = "liver", Contains = liverContainsLesion ? ["lesion"] : [], Color = liverColor, Category = new AbstractionsConcept("123037004", "SCT", "Anatomical Structure"), Type = new AbstractionsConcept("10200004", "SCT", "Liver") },
                new SegmentClass { Index = 2, Label = "lesion", Category = new AbstractionsConcept("49755003", "SCT", "Morphologically Altered Structure"), Type = new AbstractionsConcept("108369006", "SCT", "Neoplasm") },
            ],
        },
    };

    /// <summary>The phantom's CT series and a label volume on its grid: liver in the first slices only (so a z-flip moves it), lesion inside.</summary>
    private static async Task<(DicomSeries Series, Volume<byte> Labels)> SourceAsync(PhantomFolder phantom)
    {
        var scan = await DicomSeriesScanner.ScanAsync(phantom.CtFolder);
        var series = Assert.Single(scan.Volumes);
        var geometry = series.Geometry!;
        var labels = new Volume<byte>(DicomVolumeAdapter.SizeOf(geometry), DicomVolumeAdapter.ToVolumeGeometry(geometry));
        for (var z = 0; z < 3; z++)
        {
            for (var y = 10; y < 30; y++)
            {
                for (var x = 5; x < 25; x++)
                {
                    labels.Row(z, y)[x] = (byte)(z == 1 && y is > 15 and < 20 && x is > 10 and < 14 ? 2 : 1);
                }
            }
        }
        return (series, labels);
    }

    private const string CieLabScript = """
import sys, pydicom
ds = pydicom.dcmread(sys.argv[1])
for s in ds.SegmentSequence:
    lab = s.get('RecommendedDisplayCIELabValue')
    print(int(s.SegmentNumber), s.SegmentLabel, ' '.join(str(int(v)) for v in lab) if lab is not None else 'none')
""";

    [SkippableFact]
    public async Task Every_segment_has_a_CIELab_colour_the_manifest_one_or_a_palette_one_and_the_SEG_is_valid()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 7, size: 40, slices: 6);
        var (series, labels) = await SourceAsync(phantom);
        var path = Path.Combine(phantom.Root, "seg.dcm");

        SegmentationOutput.Write(path, series, labels, Manifest([221, 130, 101]), "Test SEG");

        var lines = ExternalTool.RunPython(CieLabScript, path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var lab = lines.Select(l => l.Split(' ')).ToDictionary(p => p[1], p => p[2..].Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        Assert.Equal(CieLabColor.ToDicom(221, 130, 101).Select(v => (int)v), lab["liver"]);
        var palette = SegmentColors.Palette[0];
        Assert.Equal(CieLabColor.ToDicom(palette.R, palette.G, palette.B).Select(v => (int)v), lab["lesion"]);

        var dciodvfy = ExternalTool.Run("dciodvfy", [path]);
        var errors = dciodvfy.Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [SkippableFact]
    public void Classes_without_a_colour_get_distinct_palette_colours_unused_by_the_manifest()
    {
        var first = SegmentColors.Palette[0];
        var classes = Enumerable.Range(1, 5).Select(i => new SegmentClass
        {
            Index = i,
            Label = $"c{i}",
            Color = i == 2 ? [first.R, first.G, first.B] : null, // a manifest colour that is also the palette's first
        }).ToList();

        var colors = SegmentColors.For(classes);

        Assert.Equal(first, colors[1]);
        Assert.Equal(colors.Count, colors.Distinct().Count());
        Assert.Equal(SegmentColors.Palette[1], colors[0]);
    }

    [SkippableFact]
    public async Task The_normal_write_passes_the_read_back_check_with_containment()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 8, size: 40, slices: 6);
        var (series, labels) = await SourceAsync(phantom);
        var path = Path.Combine(phantom.Root, "seg.dcm");

        SegmentationOutput.Write(path, series, labels, Manifest(null), "Test SEG");

        // The check compares with the containment masks: liver segment = liver + lesion voxels.
        var liver = DicomVolumeAdapter.SegmentMask(SegmentationReader.Read(path), 1, series.Geometry!);
        Assert.Equal(3 * 20 * 20, MaskFigures.Of(liver).Count);
    }

    [SkippableFact]
    public async Task A_write_with_frames_in_reversed_slice_order_fails_with_the_figures()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 9, size: 40, slices: 6);
        var (series, labels) = await SourceAsync(phantom);
        var path = Path.Combine(phantom.Root, "seg.dcm");
        var plane = series.Rows * series.Columns;

        var e = Assert.Throws<SegmentationReadBackException>(() => SegmentationOutput.Write(path, series, labels, Manifest(null), "Test SEG", null, EmptySegmentPolicy.Keep,
            masks => [.. masks.Select(m => (ReadOnlyMemory<byte>)ReverseSlices(m.Span, plane))]));

        Assert.Equal(1, e.SegmentNumber);
        Assert.Equal("liver", e.SegmentLabel);
        Assert.Equal(e.Expected.Count, e.Found.Count); // same voxels, wrong place
        Assert.Equal(1.0, e.Expected.Z, 6);
        Assert.Equal(4.0, e.Found.Z, 6);
        Assert.Contains("centroid (x 14.50, y 19.50, z 1.00)", e.Message, StringComparison.Ordinal);
        Assert.Contains("z 4.00", e.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(EmptySegmentPolicy.Keep)]
    [InlineData(EmptySegmentPolicy.Drop)]
    public async Task An_empty_segment_is_kept_or_dropped_by_setting_and_a_dropped_one_is_named(EmptySegmentPolicy policy)
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 11, size: 40, slices: 6);
        var (series, labels) = await SourceAsync(phantom);
        labels.Span.Replace((byte)2, (byte)1); // no lesion left
        var path = Path.Combine(phantom.Root, "seg.dcm");

        var result = SegmentationOutput.Write(path, series, labels, Manifest(null), "Test SEG", emptySegments: policy);

        var seg = SegmentationReader.Read(path);
        if (policy == EmptySegmentPolicy.Keep)
        {
            Assert.Empty(result.DroppedEmptySegments);
            Assert.Equal(["liver", "lesion"], seg.Segments.Select(s => s.Label));
            Assert.Equal(2 * series.Slices.Count, result.Written.NumberOfFrames);
        }
        else
        {
            Assert.Equal(["lesion"], result.DroppedEmptySegments);
            Assert.Equal(["liver"], seg.Segments.Select(s => s.Label));
            Assert.Equal(series.Slices.Count, result.Written.NumberOfFrames);
        }
    }

    [SkippableFact]
    public async Task When_every_segment_is_empty_drop_keeps_the_first_because_a_SEG_needs_one()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 12, size: 40, slices: 6);
        var (series, labels) = await SourceAsync(phantom);
        labels.Span.Clear();
        var path = Path.Combine(phantom.Root, "seg.dcm");

        var result = SegmentationOutput.Write(path, series, labels, Manifest(null), "Test SEG", emptySegments: EmptySegmentPolicy.Drop);

        Assert.Equal(["lesion"], result.DroppedEmptySegments);
        Assert.Equal(["liver"], SegmentationReader.Read(path).Segments.Select(s => s.Label));
    }

    [SkippableFact]
    public async Task A_pipeline_asking_for_LABELMAP_gets_a_Label_Map_SEG_that_passes_the_read_back_check()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 13, size: 40, slices: 6);
        var (series, labels) = await SourceAsync(phantom);
        var path = Path.Combine(phantom.Root, "seg.dcm");

        var result = SegmentationOutput.Write(path, series, labels, Manifest(null, liverContainsLesion: false), "Test SEG", encoding: SegEncoding.LabelMap);

        Assert.Equal(series.Slices.Count, result.Written.NumberOfFrames);
        using (var file = DicomFile.Open(path, DicomReadOptions.HeaderOnly))
        {
            Assert.Equal(SopClasses.LabelMapSegmentationStorage, file.Dataset.GetString(DicomTags.SOPClassUID));
        }
        var seg = SegmentationReader.Read(path);
        Assert.Equal("LABELMAP", seg.SegmentationType);
        Assert.Equal(12, MaskFigures.Of(DicomVolumeAdapter.SegmentMask(seg, 2, series.Geometry!)).Count); // the lesion
    }

    [SkippableTheory]
    [InlineData(SegEncoding.Binary, SegmentationCompression.Deflate, TransferSyntaxes.DeflatedExplicitVRLittleEndian)]
    [InlineData(SegEncoding.LabelMap, SegmentationCompression.Rle, TransferSyntaxes.RleLossless)]
    [InlineData(SegEncoding.LabelMap, SegmentationCompression.Deflate, TransferSyntaxes.DeflatedExplicitVRLittleEndian)]
    public async Task Compressed_SEG_is_written_in_its_transfer_syntax_and_passes_the_read_back(SegEncoding encoding,
        SegmentationCompression compression, string transferSyntax)
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 15, size: 40, slices: 6);
        var (series, labels) = await SourceAsync(phantom);
        var path = Path.Combine(phantom.Root, "seg.dcm");

        var result = SegmentationOutput.Write(path, series, labels, Manifest(null, liverContainsLesion: encoding == SegEncoding.Binary), "Test SEG",
            encoding: encoding, compression: compression);

        using (var file = DicomFile.Open(path, DicomReadOptions.HeaderOnly))
        {
            Assert.Equal(transferSyntax, file.TransferSyntax.Uid);
        }
        var seg = SegmentationReader.Read(path);
        Assert.Equal(result.Written.NumberOfFrames, seg.Frames.Count);
        Assert.Equal(12, MaskFigures.Of(DicomVolumeAdapter.SegmentMask(seg, 2, series.Geometry!)).Count); // the lesion
    }

    [SkippableFact]
    public async Task RLE_for_a_BINARY_SEG_is_refused_before_a_file_is_written()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 16, size: 40, slices: 6);
        var (series, labels) = await SourceAsync(phantom);
        var path = Path.Combine(phantom.Root, "seg.dcm");

        var e = Assert.Throws<NotSupportedException>(() =>
            SegmentationOutput.Write(path, series, labels, Manifest(null), "Test SEG", compression: SegmentationCompression.Rle));

        Assert.Contains("BINARY", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [SkippableFact]
    public async Task LABELMAP_with_overlapping_segments_is_a_clear_error_naming_both()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 14, size: 40, slices: 6);
        var (series, labels) = await SourceAsync(phantom);
        var path = Path.Combine(phantom.Root, "seg.dcm");

        var e = Assert.Throws<LabelMapOverlapException>(() =>
            SegmentationOutput.Write(path, series, labels, Manifest(null), "Test SEG", encoding: SegEncoding.LabelMap));

        Assert.Equal(("liver", "lesion", 12L), (e.First, e.Second, e.SharedVoxels));
        Assert.Contains("'liver' and 'lesion' share 12 voxels", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    private static byte[] ReverseSlices(ReadOnlySpan<byte> mask, int plane)
    {
        var slices = mask.Length / plane;
        var reversed = new byte[mask.Length];
        for (var z = 0; z < slices; z++)
        {
            mask.Slice(z * plane, plane).CopyTo(reversed.AsSpan((slices - 1 - z) * plane, plane));
        }
        return reversed;
    }
}
