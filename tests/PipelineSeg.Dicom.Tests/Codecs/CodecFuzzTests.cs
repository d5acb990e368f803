using PipelineSeg.Dicom.Codecs;

namespace PipelineSeg.Dicom.Tests.Codecs;

/// <summary>
/// Mutation fuzzing of real encoded frames: flipped bytes, truncation, inserted markers. A decoder may succeed or
/// throw a <see cref="DicomException"/>; anything else (index out of range, overflow, hang) is a bug.
/// More cases with PIPELINESEG_FUZZ_CASES.
/// </summary>
public sealed class CodecFuzzTests
{
    private static readonly int CasesPerFile = int.TryParse(Environment.GetEnvironmentVariable("PIPELINESEG_FUZZ_CASES"), out var n) ? n : 150;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in ReferenceFrames.SyntheticFiles.Values.Where(f => PixelCodecRegistry.TryGet(f.TransferSyntaxUid, out _))
                     .OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            data.Add(file.RelativePath);
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Corrupt_frames_fail_with_DicomException_only(string name)
    {
        var file = ReferenceFrames.SyntheticFiles[name];
        var frame = EncapsulatedPixelData.SplitFrames(file.Encapsulated, file.Frames, file.TransferSyntaxUid, name)[0].ToArray();
        var destination = new byte[file.Info.FrameLength];
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) ^ 12345);
        for (var i = 0; i < CasesPerFile; i++)
        {
            var mutated = Mutate(frame, random);
            try
            {
                PixelFrameDecoder.Decode(file.TransferSyntaxUid, mutated, file.Info, destination, name, 0);
            }
            catch (DicomException)
            {
                // expected for most mutations
            }
            catch (Exception e)
            {
                Assert.Fail($"{name} case {i}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
    }

    private static byte[] Mutate(byte[] frame, Random random)
    {
        var data = (byte[])frame.Clone();
        switch (random.Next(5))
        {
            case 0: // a few random bytes anywhere (headers included)
                for (var k = 0; k < 1 + random.Next(4); k++)
                {
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                }
                return data;
            case 1: // truncation
                return data[..random.Next(data.Length)];
            case 2: // a header byte (first 700 bytes: tables, SOF, SOS, RLE offsets) set to an extreme
                data[random.Next(Math.Min(700, data.Length))] = random.Next(2) == 0 ? (byte)0xFF : (byte)0x00;
                return data;
            case 3: // a marker inserted in the middle
                var at = random.Next(data.Length - 1);
                data[at] = 0xFF;
                data[at + 1] = (byte)(0xC0 + random.Next(64));
                return data;
            default: // a block of garbage
                var start = random.Next(data.Length);
                var length = Math.Min(data.Length - start, 1 + random.Next(64));
                random.NextBytes(data.AsSpan(start, length));
                return data;
        }
    }
}
