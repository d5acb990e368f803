using PipelineSeg.Dicom.Codecs;
using Xunit.Abstractions;

namespace PipelineSeg.Dicom.Tests.Codecs;

/// <summary>
/// Every encapsulated file in dicom-samples/transfer-syntaxes (and the fragmented / 1-bit quirk files) decodes to the
/// pixels dcmtk (dcmdjpeg / dcmdrle / dcmdjpls) or the native twin gives: bit-exact for lossless syntaxes, within a
/// stated bound for lossy JPEG / JPEG 2000 (see <see cref="LossyTolerance"/>).
/// </summary>
public sealed class SampleFileParityTests(ITestOutputHelper output)
{
    /// <summary>
    /// Lossy max |difference| allowed: 0, except 1 for JPEG 2000 (.91). JPEG DCT replicates IJG (islow IDCT, fancy
    /// upsampling, colour tables) as in dcmdjpeg; JPEG-LS near-lossless is exact by definition; JPEG 2000 uses
    /// OpenJPEG's mid-point reconstruction, and its 9/7 float lifting may round the last bit differently.
    /// </summary>
    internal static int LossyTolerance(string transferSyntaxUid) => transferSyntaxUid == "1.2.840.10008.1.2.4.91" ? 1 : 0;

    private static readonly HashSet<string> LossySyntaxes = new(StringComparer.Ordinal)
    {
        TransferSyntaxes.JpegBaseline, TransferSyntaxes.JpegExtended, TransferSyntaxes.JpegSpectralSelection,
        TransferSyntaxes.JpegFullProgression, TransferSyntaxes.JpegLsNearLossless, "1.2.840.10008.1.2.4.91",
    };

    public static TheoryData<string> DecodableFiles() => Select(f => Decodable(f));

    [SkippableTheory]
    [MemberData(nameof(DecodableFiles))]
    public void Decodes_like_the_reference(string relativePath)
    {
        var file = ReferenceFrames.SampleFiles[relativePath];
        Assert.NotNull(file.Reference);
        var decoded = FrameComparison.DecodeAll(file);
        Assert.Equal(PixelCodecRegistry.DecodedPhotometricInterpretation(file.TransferSyntaxUid, file.Info), file.ReferenceInfo!.PhotometricInterpretation);
        var expected = file.Reference.AsSpan(0, Math.Min(file.Reference.Length, decoded.Length));
        if (file.Info.BitsAllocated == 1 || !LossySyntaxes.Contains(file.TransferSyntaxUid))
        {
            Assert.True(decoded.Length <= file.Reference.Length, $"decoded {decoded.Length} bytes, reference has {file.Reference.Length}");
            var first = FrameComparison.FirstDifference(decoded, expected);
            Assert.True(first < 0, $"{relativePath}: first difference at byte {first} (reference: {file.ReferenceTool})");
            output.WriteLine($"{relativePath}: bit-exact vs {file.ReferenceTool}");
            return;
        }
        var max = FrameComparison.MaxAbsDifference(decoded, expected, file.Info.BitsAllocated);
        output.WriteLine($"{relativePath}: max |diff| {max} vs {file.ReferenceTool}");
        Assert.True(max <= LossyTolerance(file.TransferSyntaxUid),
            $"{relativePath}: max |diff| {max} vs {file.ReferenceTool}");
    }

    [SkippableTheory]
    [MemberData(nameof(DecodableFiles))]
    public void Our_reader_finds_the_same_encapsulated_frames_as_pydicom(string relativePath)
    {
        var file = ReferenceFrames.SampleFiles[relativePath];
        using var dicom = DicomFile.Open(Path.Combine(TestPaths.DicomSamples, relativePath));
        var pixels = DicomPixelData.Create(dicom);
        Assert.Equal(file.Info, pixels.Info);
        Assert.Equal(file.Frames, pixels.NumberOfFrames);
        var expected = FrameComparison.DecodeAll(file);
        if (file.Info.BitsAllocated == 1)
        {
            return; // frame-by-frame packing is compared in Decodes_like_the_reference; the reader re-packs per frame
        }
        var actual = new byte[expected.Length];
        for (var f = 0; f < pixels.NumberOfFrames; f++)
        {
            pixels.DecodeFrame(f, actual.AsSpan(f * pixels.FrameLength, pixels.FrameLength));
        }
        Assert.Equal(-1, FrameComparison.FirstDifference(actual, expected));
    }

    private static bool Decodable(ReferenceFile file) => PixelCodecRegistry.TryGet(file.TransferSyntaxUid, out _);

    /// <summary>Every sample file has a codec now; this keeps the suite honest if a new unsupported sample appears.</summary>
    [SkippableFact]
    public void Every_sample_transfer_syntax_has_a_codec() =>
        Assert.All(ReferenceFrames.SampleFiles.Values, f => Assert.True(Decodable(f), $"{f.RelativePath}: no codec for {f.TransferSyntaxUid}"));

    private static TheoryData<string> Select(Func<ReferenceFile, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (var file in ReferenceFrames.SampleFiles.Values.Where(predicate).OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            data.Add(file.RelativePath);
        }
        return data;
    }
}
