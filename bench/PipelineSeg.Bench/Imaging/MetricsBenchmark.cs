using System.Diagnostics;
using System.Globalization;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Imaging.Nifti;

namespace PipelineSeg.Bench.Imaging;

/// <summary>
/// All metrics (overlap per class + HD, HD95, ASSD per class) of a 512×512×871 label pair. With --write DIR the pair is
/// also written as NIfTI for tools/imaging/bench_scipy.py, which times scipy (medpy conventions) on the same voxels.
/// </summary>
internal sealed class MetricsBenchmark : IBenchmark
{
    public string Name => "metrics";

    public string Description => "Dice/IoU/…/HD/HD95/ASSD of a 512x512x871 pair [--repeat N] [--write DIR]";

    public int Run(string[] args)
    {
        var repeat = 3;
        string? write = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--repeat")
            {
                repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--write")
            {
                write = args[i + 1];
            }
        }
        var watch = Stopwatch.StartNew();
        var (pred, gt) = SyntheticLiverPair.Create();
        Console.WriteLine(F($"generated {pred.Size} pair in {watch.Elapsed.TotalSeconds:0.00} s"));
        if (write is not null)
        {
            Directory.CreateDirectory(write);
            NiftiFile.Write(Path.Combine(write, "pred.nii"), pred);
            NiftiFile.Write(Path.Combine(write, "gt.nii"), gt);
            Console.WriteLine($"wrote {write}/pred.nii and gt.nii");
        }
        EvaluationReport? report = null;
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < repeat; r++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            watch.Restart();
            report = SegmentationEvaluator.Evaluate(pred, gt);
            times.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalSeconds);
        }
        foreach (var s in report!.Segments)
        {
            Console.WriteLine(F($"label {s.Label}: dice {s.Dice:0.000000} iou {s.IoU:0.000000} sens {s.Sensitivity:0.000000} prec {s.Precision:0.000000} hd {s.Hausdorff:0.0000} hd95 {s.Hausdorff95:0.0000} assd {s.AverageSymmetricSurfaceDistance:0.0000}"));
        }
        watch.Restart();
        ConfusionMatrix.Count(pred, gt);
        var countSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        SurfaceDistance.Compute(pred, gt, 1);
        var surface1 = watch.Elapsed.TotalSeconds;
        watch.Restart();
        SurfaceDistance.Compute(pred, gt, 2);
        var surface2 = watch.Elapsed.TotalSeconds;
        Console.WriteLine(F($"breakdown (one run): confusion counts {countSeconds:0.000} s, surface label 1 {surface1:0.000} s, surface label 2 {surface2:0.000} s"));
        Console.WriteLine(F($"all metrics, labels 1 and 2: best {times.Min():0.000} s, median {times.Order().ElementAt(times.Count / 2):0.000} s over {repeat} runs; CPU time best {cpu.Min():0.000} s ({Environment.ProcessorCount} logical cores)"));
        return 0;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
