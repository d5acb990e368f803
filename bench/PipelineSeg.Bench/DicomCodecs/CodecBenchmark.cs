using System.Diagnostics;
using System.Globalization;
using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Codecs;

namespace PipelineSeg.Bench.DicomCodecs;

/// <summary>Frame decode time of each pixel codec on the shared sample CT slices (512×512).</summary>
internal sealed class CodecBenchmark : IBenchmark
{
    private static readonly string[] Files =
    [
        "transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_JPEGProcess14SV1TransferSyntax_1.2.840.10008.1.2.4.70.dcm",
        "transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_JPEGProcess14TransferSyntax_1.2.840.10008.1.2.4.57.dcm",
        "transfer-syntaxes/misc/IM-0001-0001-0001.dcm",
        "transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_RLELosslessTransferSyntax_1.2.840.10008.1.2.5.dcm",
        "transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80.dcm",
        "transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_JPEGLSLossyTransferSyntax_1.2.840.10008.1.2.4.81.dcm",
        "transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_JPEGProcess1TransferSyntax_1.2.840.10008.1.2.4.50.dcm",
        "transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_JPEGProcess2_4TransferSyntax_1.2.840.10008.1.2.4.51.dcm",
        "transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_JPEGProcess10_12TransferSyntax_1.2.840.10008.1.2.4.55.dcm",
        "transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_JPEG2000LosslessOnlyTransferSyntax_1.2.840.10008.1.2.4.90.dcm",
        "transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_JPEG2000TransferSyntax_1.2.840.10008.1.2.4.91.dcm",
    ];

    public string Name => "codecs";

    public string Description => "pixel codec decode ms per 512x512 frame: --samples DIR (default ../shared/dicom-samples) --reps 50";

    public int Run(string[] args)
    {
        var samples = Option(args, "samples") ?? FindSamples();
        var reps = int.Parse(Option(args, "reps") ?? "50", CultureInfo.InvariantCulture);
        foreach (var relative in Files)
        {
            var path = Path.Combine(samples, relative);
            using var file = DicomFile.Open(path);
            var uid = file.TransferSyntax.Uid;
            var pixels = DicomPixelData.Create(file);
            var element = file.Dataset.GetElement(DicomTags.PixelData)!;
            var frame = EncapsulatedPixelData.SplitFrames(element.Value, pixels.NumberOfFrames, uid, path)[0];
            var codec = PixelCodecRegistry.GetOrThrow(uid, path);
            var destination = new byte[pixels.FrameLength];
            for (var i = 0; i < 5; i++)
            {
                codec.Decode(frame.Span, pixels.Info, destination); // warm-up (tiering)
            }
            var times = new double[reps];
            for (var r = 0; r < reps; r++)
            {
                var t0 = Stopwatch.GetTimestamp();
                codec.Decode(frame.Span, pixels.Info, destination);
                times[r] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
            Array.Sort(times);
            var megapixels = (double)pixels.Info.Rows * pixels.Info.Columns / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{TransferSyntaxes.Describe(uid),-60} {Path.GetFileName(path)[..Math.Min(40, Path.GetFileName(path).Length)],-40} {frame.Length,7} B  min {times[0]:F2} ms  median {times[reps / 2]:F2} ms  {megapixels / (times[reps / 2] / 1e3):F0} Mpx/s"));
        }
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PipelineSeg.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "dicom-samples"));
            }
        }
        throw new DirectoryNotFoundException("PipelineSeg.sln not found; pass --samples DIR");
    }
}
