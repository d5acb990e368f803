using System.Globalization;
using System.Text.Json;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.GroundTruth;
using PipelineSeg.Pipeline.GroundTruth.Sweep;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.GroundTruth;

public sealed class ThresholdSweepAccumulatorTests : IDisposable
{
    private const int Width = 23;
    private const int Height = 17;
    private const int Depth = 7;
    private const int Classes = 3;

    // numpy reference: the scored probability (liver ⊇ lesion: p1 + p2 in float32) binarised at p > t in float64
    private const string NumpySweep = """
        import json, sys
        import numpy as np
        z, c, h, w = (int(v) for v in sys.argv[1:5])
        p = np.fromfile(sys.argv[5], dtype=np.float32).reshape(z, c, h, w)
        out = {}
        for name, channels, truth_file in (("liver", [1, 2], sys.argv[6]), ("lesion", [2], sys.argv[7])):
            g = np.fromfile(truth_file, dtype=np.uint8).reshape(z, h, w) != 0
            s = p[:, channels[0]].copy()
            for k in channels[1:]:
                s = s + p[:, k]
            rows = []
            for t in [i / 10 for i in range(1, 10)]:
                pred = s.astype(np.float64) > t
                tp = int(np.sum(pred & g)); fp = int(np.sum(pred & ~g)); fn = int(np.sum(~pred & g)); tn = int(np.sum(~pred & ~g))
                rows.append({"t": t, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
                             "dice": 2 * tp / (2 * tp + fp + fn), "iou": tp / (tp + fp + fn),
                             "sensitivity": tp / (tp + fn), "specificity": tn / (tn + fp)})
            out[name] = rows
        print(json.dumps(out))
        """;

    private static readonly SegmentClass[] ModelClasses =
    [
        new() { Index = 0, Label = "background", IsBackground = true },
        new() { Index = 1, Label = "liver", Contains = ["lesion"] },
        new() { Index = 2, Label = "lesion" },
    ];

    private readonly string _folder = TestPaths.NewTempDirectory("sweep");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void Sweep_counted_slab_by_slab_matches_numpy_on_the_whole_volume()
    {
        var grid = new SlabGrid(Width, Height, Depth, new VolumeGeometry(new Vec3(-10, 4, 2), new Vec3(0.7, 0.9, 2.5), Matrix3.Identity));
        var probabilities = Softmax(new Random(12));
        var liver = Blob(grid, 11, 8, 3, 7.5);
        var lesion = Blob(grid, 13, 9, 4, 3.2);
        var placement = new GroundTruthPlacement("truth.dcm", [(ModelClasses[1], liver), (ModelClasses[2], lesion)], []);
        var sweep = new ThresholdSweepAccumulator(grid, ModelClasses, placement, ReportThresholdSweep.Standard);
        // slabs of 3, 3, 1 slices; the first slab again at the end (a slice seen twice is counted once)
        foreach (var first in new[] { 0, 3, 6, 0 })
        {
            var count = Math.Min(3, Depth - first);
            sweep.Add(SlabOf(probabilities, first, count), CancellationToken.None);
        }

        var reference = Numpy(probabilities, liver, lesion);
        var result = sweep.Result();
        Assert.Equal(["liver", "lesion"], result.Select(r => r.Name));
        foreach (var segment in result)
        {
            var rows = reference.GetProperty(segment.Name).EnumerateArray().ToList();
            Assert.Equal(rows.Count, segment.Thresholds.Count);
            foreach (var (point, row) in segment.Thresholds.Zip(rows))
            {
                var m = point.Metrics;
                Assert.Equal(row.GetProperty("t").GetDouble(), point.Threshold);
                Assert.Equal(row.GetProperty("tp").GetInt64() + row.GetProperty("fp").GetInt64(), m.PredictedVoxels);
                Assert.Equal(row.GetProperty("tp").GetInt64() + row.GetProperty("fn").GetInt64(), m.GroundTruthVoxels);
                Assert.Equal(row.GetProperty("dice").GetDouble(), m.Dice, 12);
                Assert.Equal(row.GetProperty("iou").GetDouble(), m.IoU, 12);
                Assert.Equal(row.GetProperty("sensitivity").GetDouble(), m.Sensitivity!.Value, 12);
                Assert.Equal(row.GetProperty("specificity").GetDouble(), m.Specificity!.Value, 12);
                Assert.Equal(UndefinedReasons.NotComputed, m.Undefined[MetricKeys.HausdorffMm]);
            }
        }
        // the sweep moves: a low threshold finds more of the liver than a high one
        var liverSweep = result[0].Thresholds;
        Assert.True(liverSweep[0].Metrics.PredictedVoxels > liverSweep[^1].Metrics.PredictedVoxels);
    }

    [SkippableFact]
    public void A_slice_never_seen_is_an_error_not_a_zero()
    {
        var grid = new SlabGrid(Width, Height, Depth, VolumeGeometry.WithSpacing(1, 1, 1));
        var placement = new GroundTruthPlacement("truth.dcm", [(ModelClasses[2], Blob(grid, 5, 5, 2, 2))], []);
        var sweep = new ThresholdSweepAccumulator(grid, ModelClasses, placement, ReportThresholdSweep.Standard);
        sweep.Add(SlabOf(Softmax(new Random(3)), 0, 3), CancellationToken.None);
        Assert.Contains("slice 3 was never seen", Assert.Throws<InvalidOperationException>(sweep.Result).Message, StringComparison.Ordinal);
    }

    private JsonElement Numpy(float[] probabilities, Volume<byte> liver, Volume<byte> lesion)
    {
        var p = Path.Combine(_folder, "p.f32");
        File.WriteAllBytes(p, System.Runtime.InteropServices.MemoryMarshal.AsBytes(probabilities.AsSpan()).ToArray());
        var l = Path.Combine(_folder, "liver.u8");
        File.WriteAllBytes(l, liver.Array);
        var s = Path.Combine(_folder, "lesion.u8");
        File.WriteAllBytes(s, lesion.Array);
        string[] size = [.. new[] { Depth, Classes, Height, Width }.Select(v => v.ToString(CultureInfo.InvariantCulture))];
        return JsonDocument.Parse(ExternalTool.RunPython(NumpySweep, [.. size, p, l, s])).RootElement.Clone();
    }

    // [Depth, Classes, Height, Width] probabilities that sum to 1 per voxel, with a liver-like bright centre
    private static float[] Softmax(Random random)
    {
        var data = new float[Depth * Classes * Height * Width];
        var plane = Height * Width;
        for (var z = 0; z < Depth; z++)
        {
            for (var i = 0; i < plane; i++)
            {
                var (x, y) = (i % Width, i / Width);
                var centre = Math.Exp(-(((x - 11) * (x - 11)) + ((y - 8) * (y - 8))) / 40.0);
                var logits = new[] { random.NextDouble() * 2, (3 * centre) + random.NextDouble(), (2 * centre) + (random.NextDouble() * 1.5) };
                var sum = logits.Sum(Math.Exp);
                for (var k = 0; k < Classes; k++)
                {
                    data[(((z * Classes) + k) * plane) + i] = (float)(Math.Exp(logits[k]) / sum);
                }
            }
        }
        return data;
    }

    private static ProbabilitySlab SlabOf(float[] probabilities, int first, int count)
    {
        var stride = Classes * Height * Width;
        return new ProbabilitySlab(first, count, Classes, Width, Height, probabilities.AsSpan(first * stride, count * stride).ToArray());
    }

    private static Volume<byte> Blob(SlabGrid grid, int cx, int cy, int cz, double radius)
    {
        var mask = new Volume<byte>(grid.Size, grid.Geometry);
        for (var z = 0; z < grid.Depth; z++)
        {
            var slice = mask.Slice(z);
            for (var i = 0; i < grid.Plane; i++)
            {
                var (x, y) = (i % grid.Width, i / grid.Width);
                slice[i] = (byte)((((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) + (4 * (z - cz) * (z - cz))) <= radius * radius ? 1 : 0);
            }
        }
        return mask;
    }
}
