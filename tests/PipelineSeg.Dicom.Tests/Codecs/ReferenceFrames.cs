using System.Text.Json;
using PipelineSeg.Dicom.Codecs;

namespace PipelineSeg.Dicom.Tests.Codecs;

/// <summary>
/// One encapsulated sample file with its reference pixels, produced at test time by
/// tools/dicom-codecs/extract_references.py (pydicom + dcmtk); nothing derived from the samples is committed.
/// </summary>
internal sealed record ReferenceFile(string RelativePath, string TransferSyntaxUid, PixelFrameInfo Info, int Frames,
    byte[] Encapsulated, byte[]? Reference, PixelFrameInfo? ReferenceInfo, string ReferenceTool);

/// <summary>Runs the extraction script once per test run over a list of sample files.</summary>
internal static class ReferenceFrames
{
    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceFile>> Samples = new(() => Run("extract_references.py", SampleArguments()));

    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceFile>> Synthetic = new(() => Run("make_synthetic.py", []));

    /// <summary>Encapsulated sample files (relative to dicom-samples) and their references, by relative path.</summary>
    public static IReadOnlyDictionary<string, ReferenceFile> SampleFiles => Samples.Value;

    /// <summary>
    /// Synthetic images (made at test time) compressed by dcmtk and libjpeg-turbo's cjpeg: every JPEG lossless
    /// predictor, point transform, 8–16 bits, colour, 4:2:0 / 4:2:2 / 4:1:1 / 1x2 subsampling, restart markers,
    /// fragmented frames with and without BOT, JPEG-LS interleave modes and presets, RLE 8–32 bits, by file name.
    /// </summary>
    public static IReadOnlyDictionary<string, ReferenceFile> SyntheticFiles => Synthetic.Value;

    /// <summary>Every encapsulated file of transfer-syntaxes/ plus the multi-fragment / 1-bit quirk files.</summary>
    private static IEnumerable<string> SampleArguments()
    {
        var root = TestPaths.DicomSamples;
        // JPEG 2000 lossless: no tool here decodes it, so the native file it was made from is the reference.
        var twins = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CTImage.dcm_JPEG2000LosslessOnlyTransferSyntax_1.2.840.10008.1.2.4.90.dcm"] =
                Path.Combine(root, "transfer-syntaxes", "cornerstone-CTImage", "CTImage.dcm_LittleEndianExplicitTransferSyntax_1.2.840.10008.1.2.1.dcm"),
            ["MR_small_jp2klossless.dcm"] = Path.Combine(root, "transfer-syntaxes", "pydicom-MR_small", "MR_small.dcm"),
            ["emri_small_jpeg_2k_lossless.dcm"] = Path.Combine(root, "transfer-syntaxes", "pydicom-emri-multiframe", "emri_small_big_endian.dcm"),
        };
        foreach (var file in Directory.GetFiles(Path.Combine(root, "transfer-syntaxes"), "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return twins.TryGetValue(Path.GetFileName(file), out var twin) ? file + "=" + twin : file;
        }
        yield return Path.Combine(root, "seg", "pydicom-data", "liver_j2k.dcm") + "=" + Path.Combine(root, "seg", "dcmqi", "liver.dcm");
        yield return Path.Combine(root, "ct-series", "enhanced", "CT0012.fragmented_no_bot_jpeg_baseline.51.dcm");
        yield return Path.Combine(root, "malformed", "fo-dicom", "D_CLUNIE_CT1_RLE_FRAGS.dcm");
        yield return Path.Combine(root, "malformed", "pydicom-data", "bad_sequence.dcm");
        // 1-bit RLE: neither dcmtk nor pydicom 2.3 decode it; the native SEG it was re-encoded from is the reference.
        yield return Path.Combine(root, "seg", "pydicom-data", "liver_rle.dcm") + "=" + Path.Combine(root, "seg", "dcmqi", "liver.dcm");
        yield return Path.Combine(root, "seg", "pydicom-data", "liver_nonbyte_aligned_rle.dcm") + "="
            + Path.Combine(root, "seg", "pydicom-data", "liver_nonbyte_aligned.dcm");
    }

    /// <summary>Runs a tools/dicom-codecs script with OUT_DIR and <paramref name="arguments"/>, and loads its manifest.</summary>
    private static IReadOnlyDictionary<string, ReferenceFile> Run(string scriptName, IEnumerable<string> arguments)
    {
        var output = TestPaths.NewTempDirectory("codec-refs");
        try
        {
            var script = TestPaths.Repo("tools", "dicom-codecs", scriptName);
            var result = ExternalTool.Run(ExternalTool.Python, [script, output, .. arguments], TimeSpan.FromMinutes(3));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"{scriptName} failed: {result.Combined}");
            }
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")));
            var files = new Dictionary<string, ReferenceFile>(StringComparer.Ordinal);
            foreach (var entry in manifest.RootElement.EnumerateArray())
            {
                var key = entry.GetProperty("key").GetString()!;
                var path = entry.GetProperty("path").GetString()!;
                var relative = path.StartsWith(TestPaths.DicomSamples, StringComparison.Ordinal)
                    ? Path.GetRelativePath(TestPaths.DicomSamples, path)
                    : Path.GetFileName(path);
                var attributes = entry.GetProperty("attributes");
                var refPath = Path.Combine(output, key + ".ref");
                PixelFrameInfo? refInfo = null;
                var tool = string.Empty;
                if (entry.TryGetProperty("reference", out var reference))
                {
                    refInfo = Info(reference.GetProperty("attributes"));
                    tool = reference.GetProperty("tool").GetString()!;
                }
                files[relative] = new ReferenceFile(relative, entry.GetProperty("transferSyntax").GetString()!, Info(attributes),
                    attributes.GetProperty("frames").GetInt32(), File.ReadAllBytes(Path.Combine(output, key + ".encap")),
                    File.Exists(refPath) ? File.ReadAllBytes(refPath) : null, refInfo, tool);
            }
            return files;
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static PixelFrameInfo Info(JsonElement a) => new(a.GetProperty("rows").GetInt32(), a.GetProperty("columns").GetInt32(),
        a.GetProperty("samplesPerPixel").GetInt32(), a.GetProperty("bitsAllocated").GetInt32(), a.GetProperty("bitsStored").GetInt32(),
        a.GetProperty("pixelRepresentation").GetInt32() == 1, a.GetProperty("planarConfiguration").GetInt32(),
        a.GetProperty("photometric").GetString()!);
}
