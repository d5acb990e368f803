using PipelineSeg.Dicom.Seg;
using PipelineSeg.Dicom.Tests.Support;

namespace PipelineSeg.Dicom.Tests.Seg;

/// <summary>
/// SEGs written RLE Lossless or deflated hold the same frames as the uncompressed SEG: for our reader, pydicom and dcmtk
/// (dcmdrle / dcmconv decompress them), and dciodvfy finds no error. BINARY refuses RLE (1-bit RLE is not interoperable).
/// </summary>
public sealed class SegmentationCompressionTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("seg-compression");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly SegmentDefinition Liver = new("Liver", CodedConcept.AnatomicalStructure, new("10200004", "SCT", "Liver"))
    {
        RecommendedDisplayCieLab = [40000, 45000, 40000],
    };

    private static readonly SegmentDefinition Tumour = new("Tumour", CodedConcept.MorphologicallyAlteredStructure, new("108369006", "SCT", "Neoplasm"))
    {
        RecommendedDisplayCieLab = [30000, 50000, 20000],
    };

    private static async Task<DicomSeries> SeriesAsync()
    {
        var scan = await DicomSeriesScanner.ScanAsync(Samples.Path("ct-series", "pydicom-77654033-CT2"));
        return scan.Volumes.Where(s => s.Slices.All(x => x.Position is not null)).OrderByDescending(s => s.Slices.Count).First();
    }

    /// <summary>Two exclusive blobs (so LABELMAP accepts them) with soft edges for FRACTIONAL and random noise inside.</summary>
    private static byte[][] Masks(DicomSeries series, SegmentationType type)
    {
        var (rows, columns, slices) = (series.Rows, series.Columns, series.Slices.Count);
        var rnd = new Random(7);
        var masks = new[] { new byte[rows * columns * slices], new byte[rows * columns * slices] };
        for (var z = 0; z < slices; z++)
        {
            for (var y = 0; y < rows; y++)
            {
                for (var x = 0; x < columns; x++)
                {
                    var i = (((z * rows) + y) * columns) + x;
                    var s = x < columns / 2 ? 0 : 1;
                    var d = Math.Abs(y - (rows / 2)) + Math.Abs(x - (columns * (s == 0 ? 1 : 3) / 4));
                    if (d < rows / 4)
                    {
                        masks[s][i] = type == SegmentationType.Fractional ? (byte)(d < rows / 8 ? 255 : rnd.Next(1, 255)) : (byte)1;
                    }
                }
            }
        }
        return masks;
    }

    public static TheoryData<SegmentationType, SegmentationCompression> Cases => new()
    {
        { SegmentationType.Fractional, SegmentationCompression.Rle },
        { SegmentationType.Fractional, SegmentationCompression.Deflate },
        { SegmentationType.LabelMap, SegmentationCompression.Rle },
        { SegmentationType.LabelMap, SegmentationCompression.Deflate },
        { SegmentationType.Binary, SegmentationCompression.Deflate },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Compressed_seg_holds_the_frames_of_the_uncompressed_one(SegmentationType type, SegmentationCompression compression)
    {
        var series = await SeriesAsync();
        var masks = Masks(series, type).Select(m => (ReadOnlyMemory<byte>)m).ToList();
        var plainPath = Path.Combine(_dir, "plain.dcm");
        var packedPath = Path.Combine(_dir, "packed.dcm");
        var options = new SegmentationWriterOptions { Algorithm = new SegmentationAlgorithm("UNet", "1.2.3"), Type = type };
        SegmentationWriter.Write(plainPath, series, [Liver, Tumour], masks, options);
        SegmentationWriter.Write(packedPath, series, [Liver, Tumour], masks, options with { Compression = compression });

        var plain = SegmentationReader.Read(plainPath);
        var packed = SegmentationReader.Read(packedPath);
        var expectedSyntax = compression == SegmentationCompression.Rle ? TransferSyntaxes.RleLossless : TransferSyntaxes.DeflatedExplicitVRLittleEndian;
        using (var file = DicomFile.Open(packedPath, DicomReadOptions.HeaderOnly))
        {
            Assert.Equal(expectedSyntax, file.TransferSyntax.Uid);
        }
        Assert.Equal(plain.Frames.Count, packed.Frames.Count);
        Assert.Equal(plain.Values, packed.Values);
        Assert.True(new FileInfo(packedPath).Length < new FileInfo(plainPath).Length, "compression made the file larger");

        var dump = ExternalTool.Run("dcmdump", [packedPath]);
        Assert.True(dump.ExitCode == 0, dump.Combined);
        Assert.Contains(compression == SegmentationCompression.Rle ? "=RLELossless" : "=DeflatedLittleEndianExplicit", dump.StandardOutput,
            StringComparison.Ordinal);

        // dcmtk decompresses it to Explicit VR Little Endian: byte-identical frames to ours.
        var dcmtkPath = Path.Combine(_dir, "dcmtk.dcm");
        var convert = compression == SegmentationCompression.Rle
            ? ExternalTool.Run("dcmdrle", [packedPath, dcmtkPath])
            : ExternalTool.Run("dcmconv", ["+te", packedPath, dcmtkPath]);
        Assert.True(convert.ExitCode == 0, convert.Combined);
        Assert.Equal(plain.Values, SegmentationReader.Read(dcmtkPath).Values);
        // dicom3tools' dciodvfy does not read deflated files at all (not even dcmtk's own), so it checks dcmtk's inflated copy.
        // It finds what it finds in the uncompressed SEG: nothing, or for LABELMAP only the SOP class its dictionary predates.
        var errors = DciodvfyErrors(compression == SegmentationCompression.Rle ? packedPath : dcmtkPath);
        Assert.Equal(DciodvfyErrors(plainPath), errors);
        if (type != SegmentationType.LabelMap)
        {
            Assert.Empty(errors);
        }

        // pydicom decodes RLE and inflates deflated files natively.
        var (frames, pixels) = PydicomReference.Seg(packedPath);
        Assert.Equal(plain.Frames.Count, frames.Count);
        var (pyPlainFrames, pyPlainPixels) = PydicomReference.Seg(plainPath);
        Assert.Equal(pyPlainFrames.Count, frames.Count);
        Assert.Equal(pyPlainPixels, pixels);
    }

    private static List<string> DciodvfyErrors(string path) =>
        [.. ExternalTool.Run("dciodvfy", [path]).Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).Select(l => l.Trim())];

    [SkippableFact]
    public async Task Rle_is_refused_for_a_binary_seg_before_anything_is_written()
    {
        var series = await SeriesAsync();
        var masks = Masks(series, SegmentationType.Binary).Select(m => (ReadOnlyMemory<byte>)m).ToList();
        var path = Path.Combine(_dir, "binary-rle.dcm");
        var options = new SegmentationWriterOptions
        {
            Algorithm = new SegmentationAlgorithm("UNet", "1.2.3"),
            Compression = SegmentationCompression.Rle,
        };
        var error = Assert.Throws<NotSupportedException>(() => SegmentationWriter.Write(path, series, [Liver, Tumour], masks, options));
        Assert.Contains("BINARY", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
