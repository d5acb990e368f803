using PipelineSeg.Dicom.Seg;
using PipelineSeg.Dicom.Tests.Support;

namespace PipelineSeg.Dicom.Tests.Seg;

public sealed class SegmentationWriterTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("segwriter");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly SegmentDefinition Liver = new("Liver", CodedConcept.AnatomicalStructure, new("10200004", "SCT", "Liver"))
    {
        RecommendedDisplayCieLab = [40000, 45000, 40000],
    };

    private static readonly SegmentDefinition Tumour = new("Tumour", CodedConcept.MorphologicallyAlteredStructure, new("108369006", "SCT", "Neoplasm"));

    private static byte[] RandomMask(int length, int seed, bool fractional)
    {
        var rnd = new Random(seed);
        var m = new byte[length];
        for (var i = 0; i < m.Length; i++)
        {
            m[i] = fractional ? (byte)rnd.Next(256) : (byte)(rnd.Next(4) == 0 ? 1 : 0);
        }
        return m;
    }

    public static TheoryData<string, string, bool, bool> Cases => new()
    {
        { "ct-series", "pydicom-77654033-CT2", false, false },
        { "ct-series", "pydicom-77654033-CT2", true, false },
        { "ct-series", "dcmqi-23x38x3", false, false },
        { "mr-series", "dcmqi-QIN-PROSTATE-ADC", false, true },
        { "mr-series", "enhanced", false, false },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Written_seg_is_valid_and_reads_back_identically(string root, string folder, bool fractional, bool omitEmpty)
    {
        var scan = await DicomSeriesScanner.ScanAsync(Samples.Path(root, folder));
        var series = scan.Volumes.Where(s => s.Slices.All(x => x.Position is not null)).OrderByDescending(s => s.Slices.Count).First();
        var plane = series.Rows * series.Columns;
        var n = plane * series.Slices.Count;
        var masks = new[] { RandomMask(n, 1, fractional), RandomMask(n, 2, fractional) };
        if (omitEmpty)
        {
            Array.Clear(masks[1], 0, plane * 3); // three empty frames of segment 2 get dropped
        }
        var path = Path.Combine(_dir, "seg.dcm");
        var options = new SegmentationWriterOptions
        {
            Algorithm = new SegmentationAlgorithm("UNet", "1.2.3"),
            Type = fractional ? SegmentationType.Fractional : SegmentationType.Binary,
            OmitEmptyFrames = omitEmpty,
        };
        var result = SegmentationWriter.Write(path, series, [Liver, Tumour], masks.Select(m => (ReadOnlyMemory<byte>)m).ToList(), options);
        Assert.Equal(2 * series.Slices.Count - (omitEmpty ? 3 : 0), result.NumberOfFrames);

        AssertDciodvfyHasNoErrors(path);
        var dump = ExternalTool.Run("dcmdump", [path]);
        Assert.True(dump.ExitCode == 0, dump.Combined);

        // pydicom sees the same frames, positions and values.
        var (frames, pixels) = PydicomReference.Seg(path);
        var expected = ExpectedFrames(series, masks, omitEmpty);
        Assert.Equal(expected.Count, frames.Count);
        for (var f = 0; f < expected.Count; f++)
        {
            var (segment, z) = expected[f];
            Assert.Equal(segment + 1, frames[f].Segment);
            var p = series.Slices[z].Position!.Value;
            Assert.Equal(p.X, frames[f].Position![0], 3);
            Assert.Equal(p.Y, frames[f].Position![1], 3);
            Assert.Equal(p.Z, frames[f].Position![2], 3);
            var want = masks[segment].AsSpan(z * plane, plane);
            Assert.True(want.SequenceEqual(pixels.AsSpan(f * plane, plane)), $"pydicom frame {f + 1} differs");
        }

        // Our reader places every frame back on the source grid.
        var seg = SegmentationReader.Read(path);
        Assert.Equal(fractional ? "FRACTIONAL" : "BINARY", seg.SegmentationType);
        for (var s = 0; s < 2; s++)
        {
            var back = seg.SegmentMask(s + 1, series.Geometry!, series.Slices);
            Assert.True(masks[s].AsSpan().SequenceEqual(back), $"segment {s + 1} differs after the round trip");
        }
    }

    [SkippableFact]
    public async Task Binary_frames_are_packed_across_frame_boundaries()
    {
        // 23 x 38 = 874 pixels per frame: not a multiple of 8.
        var scan = await DicomSeriesScanner.ScanAsync(Samples.Path("ct-series", "dcmqi-23x38x3"));
        var series = scan.Volumes.First(s => !s.Slices[0].IsFrameOfMultiFrame);
        var n = series.Rows * series.Columns * series.Slices.Count;
        var ds = SegmentationWriter.Build(series, [Liver], [RandomMask(n, 3, false)],
            new SegmentationWriterOptions { Algorithm = new SegmentationAlgorithm("x", "1") });
        Assert.Equal(328, ds.GetElement(DicomTags.PixelData)!.Length); // ceil(3 * 874 / 8), even
    }

    private static List<(int Segment, int Slice)> ExpectedFrames(DicomSeries series, byte[][] masks, bool omitEmpty)
    {
        var plane = series.Rows * series.Columns;
        var list = new List<(int, int)>();
        for (var s = 0; s < masks.Length; s++)
        {
            for (var z = 0; z < series.Slices.Count; z++)
            {
                if (!omitEmpty || masks[s].AsSpan(z * plane, plane).ContainsAnyExcept((byte)0))
                {
                    list.Add((s, z));
                }
            }
        }
        return list;
    }

    internal static void AssertDciodvfyHasNoErrors(string path)
    {
        var result = ExternalTool.Run("dciodvfy", [path]);
        var errors = result.Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }
}
