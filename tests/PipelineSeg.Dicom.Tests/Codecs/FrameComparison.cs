using System.Buffers.Binary;
using PipelineSeg.Dicom.Codecs;

namespace PipelineSeg.Dicom.Tests.Codecs;

/// <summary>Compares decoded frames with reference native pixel data.</summary>
internal static class FrameComparison
{
    /// <summary>Decodes every frame of <paramref name="file"/> into one native buffer (1-bit frames packed back to back).</summary>
    public static byte[] DecodeAll(ReferenceFile file)
    {
        var frames = EncapsulatedPixelData.SplitFrames(file.Encapsulated, file.Frames, file.TransferSyntaxUid, file.RelativePath);
        Assert.Equal(file.Frames, frames.Count);
        var info = file.Info;
        var frameLength = (int)info.FrameLength;
        var frameBuffer = new byte[frameLength];
        if (info.BitsAllocated == 1)
        {
            var pixelsPerFrame = info.Rows * info.Columns * info.SamplesPerPixel;
            var packed = new byte[(((long)pixelsPerFrame * file.Frames) + 7) / 8];
            for (var f = 0; f < frames.Count; f++)
            {
                PixelFrameDecoder.Decode(file.TransferSyntaxUid, frames[f].Span, info, frameBuffer, file.RelativePath, f);
                for (var i = 0; i < pixelsPerFrame; i++)
                {
                    if ((frameBuffer[i >> 3] & (1 << (i & 7))) != 0)
                    {
                        var bit = ((long)f * pixelsPerFrame) + i;
                        packed[bit >> 3] |= (byte)(1 << (int)(bit & 7));
                    }
                }
            }
            return packed;
        }
        var all = new byte[(long)frameLength * file.Frames];
        for (var f = 0; f < frames.Count; f++)
        {
            PixelFrameDecoder.Decode(file.TransferSyntaxUid, frames[f].Span, info, all.AsSpan(f * frameLength, frameLength), file.RelativePath, f);
        }
        return all;
    }

    /// <summary>Largest absolute difference between samples of two native buffers of the same layout.</summary>
    public static long MaxAbsDifference(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected, int bitsAllocated)
    {
        Assert.Equal(expected.Length, actual.Length);
        long max = 0;
        var step = bitsAllocated / 8;
        for (var i = 0; i + step <= actual.Length; i += step)
        {
            long a = step switch { 1 => actual[i], 2 => BinaryPrimitives.ReadUInt16LittleEndian(actual[i..]), _ => BinaryPrimitives.ReadUInt32LittleEndian(actual[i..]) };
            long e = step switch { 1 => expected[i], 2 => BinaryPrimitives.ReadUInt16LittleEndian(expected[i..]), _ => BinaryPrimitives.ReadUInt32LittleEndian(expected[i..]) };
            max = Math.Max(max, Math.Abs(a - e));
        }
        return max;
    }

    /// <summary>Index of the first differing byte, or -1.</summary>
    public static int FirstDifference(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected)
    {
        var n = Math.Min(actual.Length, expected.Length);
        var common = actual[..n].CommonPrefixLength(expected[..n]);
        return common == n && actual.Length == expected.Length ? -1 : common;
    }
}
