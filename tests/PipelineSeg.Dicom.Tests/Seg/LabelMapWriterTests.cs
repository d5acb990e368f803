using PipelineSeg.Dicom.Seg;
using PipelineSeg.Dicom.Tests.Support;

namespace PipelineSeg.Dicom.Tests.Seg;

/// <summary>LABELMAP (Label Map Segmentation Storage) written by our writer: pydicom, dciodvfy and our reader agree; overlaps are refused.</summary>
public sealed class LabelMapWriterTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("labelmap-writer");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly SegmentDefinition Liver = new("Liver", CodedConcept.AnatomicalStructure, new("10200004", "SCT", "Liver"))
    {
        RecommendedDisplayCieLab = [40000, 45000, 40000],
    };

    private static readonly SegmentDefinition Tumour = new("Tumour", CodedConcept.MorphologicallyAlteredStructure, new("108369006", "SCT", "Neoplasm"))
    {
        RecommendedDisplayCieLab = [30000, 50000, 20000],
    };

    private static readonly SegmentationWriterOptions Options = new()
    {
        Algorithm = new SegmentationAlgorithm("UNet", "1.2.3"),
        Type = SegmentationType.LabelMap,
    };

    private static async Task<DicomSeries> SeriesAsync()
    {
        var scan = await DicomSeriesScanner.ScanAsync(Samples.Path("ct-series", "pydicom-77654033-CT2"));
        return scan.Volumes.Where(s => s.Slices.All(x => x.Position is not null)).OrderByDescending(s => s.Slices.Count).First();
    }

    /// <summary>Two exclusive masks: a random label per voxel in {0, 1, 2}.</summary>
    private static byte[][] ExclusiveMasks(int length)
    {
        var rnd = new Random(5);
        var masks = new[] { new byte[length], new byte[length] };
        for (var i = 0; i < length; i++)
        {
            var label = rnd.Next(3);
            if (label > 0)
            {
                masks[label - 1][i] = 1;
            }
        }
        return masks;
    }

    private const string Script = """
import sys, numpy as np, pydicom
ds = pydicom.dcmread(sys.argv[1])
a = ds.pixel_array.reshape(int(ds.NumberOfFrames), ds.Rows, ds.Columns).astype(np.uint8)
open(sys.argv[2], 'wb').write(a.tobytes())
ident = sum(1 for f in ds.PerFrameFunctionalGroupsSequence if 'SegmentIdentificationSequence' in f)
print(ds.SOPClassUID, ds.SegmentationType, int(ds.BitsAllocated), int(ds.NumberOfFrames), len(ds.SegmentSequence), len(ds.DimensionIndexSequence), ident)
""";

    [SkippableFact]
    public async Task A_LABELMAP_SEG_holds_one_frame_per_slice_with_segment_numbers_and_reads_back()
    {
        var series = await SeriesAsync();
        var plane = series.Rows * series.Columns;
        var masks = ExclusiveMasks(plane * series.Slices.Count);
        var path = Path.Combine(_dir, "labelmap.dcm");

        var result = SegmentationWriter.Write(path, series, [Liver, Tumour], [.. masks.Select(m => (ReadOnlyMemory<byte>)m)], Options);

        Assert.Equal(series.Slices.Count, result.NumberOfFrames);
        var raw = Path.Combine(_dir, "pixels.raw");
        var fields = ExternalTool.RunPython(Script, path, raw).Trim().Split(' ');
        Assert.Equal([SopClasses.LabelMapSegmentationStorage, "LABELMAP", "8", $"{series.Slices.Count}", "2", "1", "0"], fields);
        var pixels = await File.ReadAllBytesAsync(raw);
        for (var i = 0; i < pixels.Length; i++)
        {
            var expected = masks[0][i] != 0 ? 1 : masks[1][i] != 0 ? 2 : 0;
            Assert.True(pixels[i] == expected, $"pixel {i}: {pixels[i]}, expected {expected}");
        }

        var seg = SegmentationReader.Read(path);
        Assert.Equal("LABELMAP", seg.SegmentationType);
        for (var s = 0; s < 2; s++)
        {
            Assert.True(masks[s].AsSpan().SequenceEqual(seg.SegmentMask(s + 1, series.Geometry!, series.Slices)), $"segment {s + 1} differs after the round trip");
        }
    }

    /// <summary>
    /// Debian's dicom3tools (2022) predates Label Map Segmentation (DICOM 2024b): it answers "Information Object Not found"
    /// for the SOP class. Checked as a Segmentation Storage object instead, the only errors are the two rules LABELMAP
    /// changed: the new enumerated value and frames without Segment Identification (their values are segment numbers).
    /// </summary>
    [SkippableFact]
    public async Task Dciodvfy_finds_nothing_beyond_what_its_pre_2024_dictionary_cannot_know()
    {
        var series = await SeriesAsync();
        var masks = ExclusiveMasks(series.Rows * series.Columns * series.Slices.Count);
        var path = Path.Combine(_dir, "labelmap.dcm");
        SegmentationWriter.Write(path, series, [Liver, Tumour], [.. masks.Select(m => (ReadOnlyMemory<byte>)m)], Options);
        var asSegmentation = Path.Combine(_dir, "as-segmentation-storage.dcm");
        using (var file = DicomFile.Open(path, DicomReadOptions.Full))
        {
            file.Dataset.SetString(DicomTags.SOPClassUID, DicomVR.UI, SopClasses.SegmentationStorage);
            DicomWriter.WriteFile(asSegmentation, file.Dataset);
        }

        Assert.All(Errors(path), e => Assert.Equal("Error - Information Object Not found", e));
        var errors = Errors(asSegmentation);
        Assert.NotEmpty(errors); // it did validate the Segmentation IOD
        Assert.All(errors, e => Assert.True(
            e == "Error - Unrecognized enumerated value <LABELMAP> for value 1 of attribute <Segmentation Type>"
            || e == "Error - Missing attribute Type 1 Required Element=<SegmentIdentificationSequence> Module=<SegmentationMacro>", e));
    }

    private static List<string> Errors(string path) =>
        [.. ExternalTool.Run("dciodvfy", [path]).Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).Select(l => l.Trim())];

    [SkippableFact]
    public async Task Overlapping_segments_are_refused_with_both_names()
    {
        var series = await SeriesAsync();
        var n = series.Rows * series.Columns * series.Slices.Count;
        var liver = new byte[n];
        var tumour = new byte[n];
        liver.AsSpan(100, 50).Fill(1);
        tumour.AsSpan(120, 10).Fill(1);

        var e = Assert.Throws<ArgumentException>(() => SegmentationWriter.Build(series, [Liver, Tumour], [liver, tumour], Options));

        Assert.Contains("segments 1 'Liver' and 2 'Tumour' overlap in 10 voxels", e.Message, StringComparison.Ordinal);
    }
}
