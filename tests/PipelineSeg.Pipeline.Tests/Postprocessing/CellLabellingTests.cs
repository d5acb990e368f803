using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Postprocessing;

public sealed class CellLabellingTests
{
    [SkippableTheory]
    [InlineData(1, 0.5, 0.5)]
    [InlineData(2, 0.3, 0.7)]
    [InlineData(3, 0.9, 0.1)]
    public void Cell_decisions_give_the_labels_of_resampling_every_class(int seed, double liverThreshold, double lesionThreshold)
    {
        var classes = new ThresholdModel().Manifest.Output.Classes;
        var grid = new SlabGrid(61, 47, 3, new VolumeGeometry(new Vec3(-30, 12, 5), new Vec3(0.8, 0.75, 2), Matrix3.Identity));
        var (width, height) = (16, 12);
        var plane = width * height;
        var random = new Random(seed);
        // smooth organs plus noise, exact ties and values on the thresholds: every kind of cell
        var probabilities = new float[grid.Depth * classes.Count * plane];
        for (var s = 0; s < grid.Depth; s++)
        {
            for (var p = 0; p < plane; p++)
            {
                var (x, y) = (p % width, p / width);
                var liver = x < 9 ? 0.8f : (float)random.NextDouble();
                var lesion = y > 8 ? 0.85f : p % 7 == 0 ? liver : (float)(random.NextDouble() * (1 - liver));
                if (p % 11 == 0)
                {
                    (liver, lesion) = ((float)liverThreshold, 0f);
                }
                lesion = Math.Min(lesion, 1 - liver);
                probabilities[(((s * 3) + 0) * plane) + p] = 1 - liver - lesion;
                probabilities[(((s * 3) + 1) * plane) + p] = liver;
                probabilities[(((s * 3) + 2) * plane) + p] = lesion;
            }
        }
        double[] thresholds = [0.5, liverThreshold, lesionThreshold];
        var labeler = new SlabLabeler(grid, classes, thresholds);
        labeler.Add(new ProbabilitySlab(0, grid.Depth, classes.Count, width, height, probabilities));

        for (var z = 0; z < grid.Depth; z++)
        {
            var resampled = Enumerable.Range(0, classes.Count)
                .Select(k => InPlaneResampler.ToSource(probabilities.AsSpan(((z * 3) + k) * plane, plane).ToArray(), width, height, grid, z, k == 0 ? 1f : 0f))
                .ToList();
            var expected = new byte[grid.Plane];
            LabelDecision.ArgmaxWithThresholds(resampled, 0, thresholds, expected);
            Assert.Equal(expected, labeler.Labels.Slice(z).ToArray());
            Assert.Contains((byte)1, expected);
            Assert.Contains((byte)2, expected);
        }
    }
}
