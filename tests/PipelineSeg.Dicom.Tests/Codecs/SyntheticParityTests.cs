using PipelineSeg.Dicom.Codecs;
using Xunit.Abstractions;

namespace PipelineSeg.Dicom.Tests.Codecs;

/// <summary>
/// Synthetic images compressed by independent encoders (dcmtk, libjpeg-turbo cjpeg): lossless cases must give back
/// the original image bit for bit; lossy ones must equal dcmtk's decoding exactly (IJG arithmetic is replicated),
/// irreversible JPEG 2000 OpenJPEG's within 1.
/// </summary>
public sealed class SyntheticParityTests(ITestOutputHelper output)
{
    /// <summary>Codec features that are deliberately not implemented; their files must fail with a clear error.</summary>
    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.Ordinal)
    {
        ["gray8-cjpeg-arithmetic.dcm"] = "arithmetic coding",
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in ReferenceFrames.SyntheticFiles.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Decodes_like_the_original_or_dcmtk(string name)
    {
        var file = ReferenceFrames.SyntheticFiles[name];
        if (Unsupported.TryGetValue(name, out var feature))
        {
            var frames = EncapsulatedPixelData.SplitFrames(file.Encapsulated, file.Frames, file.TransferSyntaxUid, name);
            var error = Assert.Throws<UnsupportedTransferSyntaxException>(
                () => PixelFrameDecoder.Decode(file.TransferSyntaxUid, frames[0].Span, file.Info, new byte[file.Info.FrameLength], name, 0));
            Assert.Contains(feature, error.Message, StringComparison.Ordinal);
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
            return;
        }
        Assert.NotNull(file.Reference);
        var decoded = FrameComparison.DecodeAll(file);
        var referenceInfo = file.ReferenceInfo!;
        Assert.Equal(referenceInfo.PhotometricInterpretation, PixelCodecRegistry.DecodedPhotometricInterpretation(file.TransferSyntaxUid, file.Info));
        // Native Pixel Data of odd length carries one padding byte.
        var expected = file.Reference.Length == decoded.Length + 1 ? file.Reference[..decoded.Length] : file.Reference;
        if (referenceInfo.PlanarConfiguration != file.Info.PlanarConfiguration && file.Info.SamplesPerPixel == 3)
        {
            expected = ToPlanar(expected, file.Info, file.Frames, referenceInfo.PlanarConfiguration);
        }
        var first = FrameComparison.FirstDifference(decoded, expected);
        if (first >= 0 && file.ReferenceTool.StartsWith("OpenJPEG", StringComparison.Ordinal))
        {
            // Irreversible JPEG 2000: float 9/7 lifting may round differently from OpenJPEG in the last bit.
            var max = FrameComparison.MaxAbsDifference(decoded, expected, file.Info.BitsAllocated);
            Assert.True(max <= SampleFileParityTests.LossyTolerance(file.TransferSyntaxUid), $"{name}: max |diff| {max} vs {file.ReferenceTool}");
            output.WriteLine($"{name} ({file.TransferSyntaxUid}): max |diff| {max} vs {file.ReferenceTool}");
            return;
        }
        if (first >= 0)
        {
            var max = decoded.Length == expected.Length ? FrameComparison.MaxAbsDifference(decoded, expected, file.Info.BitsAllocated) : -1;
            Assert.Fail($"{name}: first difference at byte {first}, max |diff| {max} vs {file.ReferenceTool}");
        }
        output.WriteLine($"{name} ({file.TransferSyntaxUid}): bit-exact vs {file.ReferenceTool}");
    }

    /// <summary>Re-lays the reference out with the planar configuration the decoder was asked for.</summary>
    private static byte[] ToPlanar(byte[] reference, PixelFrameInfo info, int frames, int referencePlanar)
    {
        var pixels = info.Rows * info.Columns;
        var bytes = info.BytesPerSample;
        var result = new byte[reference.Length];
        for (var f = 0; f < frames; f++)
        {
            var frameOffset = f * pixels * 3 * bytes;
            for (var p = 0; p < pixels; p++)
            {
                for (var s = 0; s < 3; s++)
                {
                    var interleaved = frameOffset + (((p * 3) + s) * bytes);
                    var planar = frameOffset + (((s * pixels) + p) * bytes);
                    var (from, to) = referencePlanar == 1 ? (planar, interleaved) : (interleaved, planar);
                    reference.AsSpan(from, bytes).CopyTo(result.AsSpan(to, bytes));
                }
            }
        }
        return result;
    }
}
