using System.Diagnostics;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Dicom.Tests.Support;
using Xunit.Abstractions;

namespace PipelineSeg.Dicom.Tests.Hostile;

/// <summary>
/// Seeded mutations of the sample files (bit flips, byte overwrites with 0x00/0xFF, length fields set to huge values,
/// truncation, chunk duplication). Every case must end normally or with a DicomException: never another exception,
/// a hang or a crash. PIPELINESEG_FUZZ_CASES raises the case count (default 3000).
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Seeds =
    [
        "ct-series/pydicom-77654033-CT2/17106",
        "ct-series/dcmqi-23x38x3/IMG0001.dcm",
        "seg/highdicom/seg_image_ct_binary_overlap.dcm",
        "seg/highdicom/seg_image_ct_true_fractional.dcm",
        "seg/dcmqi/23x38x3/label.seg",
        "transfer-syntaxes/pydicom-MR_small/MR_small_bigendian.dcm",
        "transfer-syntaxes/pydicom-MR_small/MR_small_RLE.dcm",
        "transfer-syntaxes/misc/Issue1097_FailToOpenDeflatedFileWithSQ.dcm",
        "malformed/pydicom/UN_sequence.dcm",
        "malformed/fo-dicom/GH223.dcm",
        "mr-series/pydicom-98892003-MR2-localizer/4950",
    ];

    [SkippableFact]
    public void Mutated_sample_files_fail_only_with_dicom_exceptions()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("PIPELINESEG_FUZZ_CASES"), out var n) && n > 0 ? n : 3000;
        var originals = Seeds.Select(s => File.ReadAllBytes(Samples.Path(s.Split('/')))).ToArray();
        var rnd = new Random(20261122);
        var watch = Stopwatch.StartNew();
        var rejected = 0;
        for (var c = 0; c < cases; c++)
        {
            var seed = c % originals.Length;
            var bytes = Mutate(originals[seed], rnd);
            try
            {
                Exercise(bytes, $"fuzz-{c}");
            }
            catch (DicomException)
            {
                rejected++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {c} (seed file {Seeds[seed]}): {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            }
        }
        output.WriteLine($"{cases} cases, {rejected} rejected with DicomException, {watch.ElapsedMilliseconds} ms");
    }

    [SkippableFact]
    public void Mutated_files_read_header_only_from_disk_with_prefix_retries()
    {
        // A 256-byte first prefix makes nearly every file take the "read more" path at least once.
        var options = new DicomReadOptions { StopBeforePixelData = true, HeaderPrefixBytes = 256 };
        var cases = Math.Max(200, (int.TryParse(Environment.GetEnvironmentVariable("PIPELINESEG_FUZZ_CASES"), out var n) ? n : 3000) / 10);
        var originals = Seeds.Select(s => File.ReadAllBytes(Samples.Path(s.Split('/')))).ToArray();
        var rnd = new Random(7);
        var dir = TestPaths.NewTempDirectory("fuzz-files");
        try
        {
            for (var c = 0; c < cases; c++)
            {
                var path = Path.Combine(dir, $"case{c % 8}.dcm");
                File.WriteAllBytes(path, Mutate(originals[c % originals.Length], rnd));
                try
                {
                    using var file = DicomFile.Open(path, options);
                    using var full = DicomFile.Open(path);
                    Assert.Equal(full.Dataset.GetString(DicomTags.SOPInstanceUID), file.Dataset.GetString(DicomTags.SOPInstanceUID));
                }
                catch (DicomException)
                {
                }
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static void Exercise(byte[] bytes, string name)
    {
        using var file = DicomFile.Parse(bytes, name);
        _ = DicomInstanceHeader.FromFile(file);
        if (file.Dataset.Contains(DicomTags.PixelData))
        {
            var pixels = DicomPixelData.Create(file);
            if (pixels.Info.SamplesPerPixel == 1 && (long)pixels.Info.Rows * pixels.Info.Columns <= 1 << 20)
            {
                var plane = new float[pixels.Info.Rows * pixels.Info.Columns];
                DicomPixelLoader.LoadFrame(pixels, 0, plane);
            }
        }
        if (file.Dataset.GetString(DicomTags.Modality) == "SEG")
        {
            _ = SegmentationReader.Read(file);
        }
    }

    private static byte[] Mutate(byte[] original, Random rnd)
    {
        var bytes = (byte[])original.Clone();
        var edits = 1 + rnd.Next(4);
        for (var e = 0; e < edits; e++)
        {
            var at = 128 + rnd.Next(Math.Max(1, bytes.Length - 128));
            at = Math.Min(at, bytes.Length - 1);
            switch (rnd.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << rnd.Next(8));
                    break;
                case 1:
                    bytes[at] = rnd.Next(2) == 0 ? (byte)0x00 : (byte)0xFF;
                    break;
                case 2:
                    for (var i = 0; i < 4 && at + i < bytes.Length; i++)
                    {
                        bytes[at + i] = 0xFF; // undefined / huge length
                    }
                    break;
                case 3:
                    return bytes[..at];
                case 4:
                    bytes[at] = (byte)rnd.Next(256);
                    break;
                default:
                    var len = Math.Min(16, bytes.Length - at);
                    var copy = bytes.AsSpan(at, len).ToArray();
                    bytes = [.. bytes[..at], .. copy, .. bytes[at..]];
                    break;
            }
        }
        return bytes;
    }
}
