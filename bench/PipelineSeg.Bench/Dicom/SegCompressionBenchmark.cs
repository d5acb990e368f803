using System.Diagnostics;
using System.Globalization;
using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;

namespace PipelineSeg.Bench.Dicom;

/// <summary>
/// File size and write time of a 2-segment SEG (liver-like ellipsoid, lesion sphere inside) on a synthetic 512×512×N CT
/// series, per SEG type and Output:SegCompression option. Each file is read back and compared with the uncompressed one.
/// </summary>
internal sealed class SegCompressionBenchmark : IBenchmark
{
    public string Name => "seg-compression";

    public string Description => "SEG size and write time per compression (none/rle/deflate) and type [--slices 200] [--repeat 3]";

    public int Run(string[] args)
    {
        var slices = IntArg(args, "--slices", 200);
        var repeat = IntArg(args, "--repeat", 3);
        var series = DicomSeriesScanner.ScanAsync(SyntheticCtSeries.Ensure(slices)).GetAwaiter().GetResult().Volumes.Single();
        var dir = Directory.CreateTempSubdirectory("pipelineseg-bench-seg-");
        try
        {
            Console.WriteLine($"2-segment SEG on {series.Columns}x{series.Rows}x{series.Slices.Count}, median of {repeat} writes");
            Console.WriteLine("| type | compression | file size | vs none | write time |");
            Console.WriteLine("|---|---|---:|---:|---:|");
            foreach (var type in new[] { SegmentationType.Binary, SegmentationType.LabelMap, SegmentationType.Fractional })
            {
                var masks = Masks(series, type);
                long plainSize = 0;
                byte[]? plainValues = null;
                foreach (var compression in Enum.GetValues<SegmentationCompression>())
                {
                    if (type == SegmentationType.Binary && compression == SegmentationCompression.Rle)
                    {
                        Console.WriteLine("| BINARY | Rle | refused (1-bit) | | |");
                        continue;
                    }
                    var path = Path.Combine(dir.FullName, $"{type}-{compression}.dcm");
                    var options = new SegmentationWriterOptions
                    {
                        Algorithm = new SegmentationAlgorithm("bench", "1"),
                        Type = type,
                        Compression = compression,
                    };
                    var times = new List<double>();
                    for (var r = 0; r < repeat; r++)
                    {
                        var watch = Stopwatch.StartNew();
                        SegmentationWriter.Write(path, series, Segments, masks, options);
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                    times.Sort();
                    var size = new FileInfo(path).Length;
                    var values = SegmentationReader.Read(path).Values;
                    if (compression == SegmentationCompression.None)
                    {
                        (plainSize, plainValues) = (size, values);
                    }
                    else if (!values.AsSpan().SequenceEqual(plainValues))
                    {
                        Console.Error.WriteLine($"{type} {compression}: frames differ from the uncompressed SEG");
                        return 1;
                    }
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {type.ToString().ToUpperInvariant()} | {compression} | {size / 1024.0:0} KiB | {100.0 * size / plainSize:0.0} % | {times[times.Count / 2]:0} ms |"));
                }
            }
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static readonly SegmentDefinition[] Segments =
    [
        new("Liver", CodedConcept.AnatomicalStructure, new("10200004", "SCT", "Liver")),
        new("Tumour", CodedConcept.MorphologicallyAlteredStructure, new("108369006", "SCT", "Neoplasm")),
    ];

    /// <summary>Liver-like ellipsoid with a lesion sphere: overlapping for BINARY, exclusive for LABELMAP, soft-edged for FRACTIONAL.</summary>
    private static List<ReadOnlyMemory<byte>> Masks(DicomSeries series, SegmentationType type)
    {
        var (rows, columns, slices) = (series.Rows, series.Columns, series.Slices.Count);
        var liver = new byte[rows * columns * slices];
        var lesion = new byte[liver.Length];
        Parallel.For(0, slices, z =>
        {
            for (var y = 0; y < rows; y++)
            {
                for (var x = 0; x < columns; x++)
                {
                    var i = (((z * rows) + y) * columns) + x;
                    var e = Sq((x - 300) / 150.0) + Sq((y - 260) / 110.0) + Sq((z - (slices / 2.0)) / (slices * 0.35));
                    var s = Sq((x - 330) / 30.0) + Sq((y - 250) / 30.0) + Sq((z - (slices / 2.0)) / 30.0);
                    liver[i] = Value(e, type);
                    lesion[i] = Value(s, type);
                    if (type == SegmentationType.LabelMap && lesion[i] != 0)
                    {
                        liver[i] = 0;
                    }
                }
            }
        });
        return [liver, lesion];
    }

    private static double Sq(double v) => v * v;

    // r2 < 1 inside; FRACTIONAL ramps from 255 at r2 = 0.8 down to 0 at r2 = 1.2.
    private static byte Value(double r2, SegmentationType type) => type == SegmentationType.Fractional
        ? (byte)Math.Clamp(Math.Round((1.2 - r2) / 0.4 * 255), 0, 255)
        : (byte)(r2 < 1 ? 1 : 0);

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }
}
