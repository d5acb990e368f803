using System.Globalization;
using System.Text.Json;
using PipelineSeg.Comparison.Scoring;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Tensors;

namespace PipelineSeg.Comparison.Tests.Scoring;

/// <summary>compare's metrics per case and their mean ± SD against tools/compare/reference_compare.py (numpy, scipy, medpy conventions).</summary>
public sealed class CaseScorerParityTests
{
    private const double OverlapTolerance = 1e-6;
    private const double DistanceTolerance = 1e-3;

    private static IReadOnlyList<double> Thresholds => [.. ScoringReference.Root.GetProperty("thresholds").EnumerateArray().Select(t => t.GetDouble())];

    [SkippableFact]
    public void Planar_cases_match_medpy_on_2d_arrays()
    {
        var scores = PlanarScores();
        var reference = ScoringReference.Root.GetProperty("planar").EnumerateArray().ToList();
        Assert.Equal(7, reference.Count);
        foreach (var s in scores)
        {
            var k = int.Parse(s.Case, CultureInfo.InvariantCulture);
            AssertMatches(reference[k].GetProperty(Key(s.Threshold)), s.Metrics, $"slice {k} at {s.Threshold}");
        }
        // the reference has the undefined cases the tables must leave out: no ground truth, and nothing predicted
        Assert.Null(scores.Single(s => s.Case == "5" && s.Threshold == 0.1).Metrics.Sensitivity);
        Assert.Null(scores.Single(s => s.Case == "6" && s.Threshold == 0.9).Metrics.Hausdorff);
    }

    [SkippableFact]
    public void Mean_and_sample_sd_over_cases_match_numpy()
    {
        var rows = ThresholdSummary.Of(PlanarScores());
        var reference = ScoringReference.Root.GetProperty("planarSummary");
        Assert.Equal(Thresholds.Count, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(7, row.Cases);
            foreach (var key in ComparedMetrics.Keys)
            {
                var r = reference.GetProperty(Key(row.Threshold)).GetProperty(key);
                var tolerance = ComparedMetrics.IsRatio(key) ? OverlapTolerance : DistanceTolerance;
                Assert.Equal(r.GetProperty("n").GetInt32(), row.Metrics[key].Count);
                Close(r.GetProperty("mean"), row.Metrics[key].Mean, tolerance, $"{key} mean at {row.Threshold}");
                Close(r.GetProperty("sd"), row.Metrics[key].Sd, tolerance, $"{key} sd at {row.Threshold}");
            }
        }
        Assert.True(rows.Any(r => r.Metrics[MetricKeys.Sensitivity].Count < r.Cases), "an undefined value must be left out, not counted as 0");
    }

    [SkippableFact]
    public void A_volume_matches_the_3d_reference()
    {
        var spacing = Spacing("spacing3d");
        var prob = NpyFile.Read(Path.Combine(ScoringReference.Folder, "prob_3d.npy"));
        var truth = NpyFile.Read(Path.Combine(ScoringReference.Folder, "truth_3d.npy"));
        var shape = prob.Shape.ToArray();
        var size = new VolumeSize(shape[2], shape[1], shape[0]);
        var geometry = VolumeGeometry.WithSpacing(spacing[0], spacing[1], spacing[2]);
        var scored = CaseScorer.Score(new Volume<float>(size, geometry, prob.AsFloat32().ToArray()), new Volume<byte>(size, geometry, truth.AsUInt8().ToArray()),
            Thresholds, planar: false);
        foreach (var (threshold, metrics) in scored)
        {
            AssertMatches(ScoringReference.Root.GetProperty("volume").GetProperty(Key(threshold)), metrics, $"volume at {threshold}");
        }
    }

    private static List<CaseScore> PlanarScores()
    {
        var spacing = Spacing("spacing2d");
        var prob = NpyFile.Read(Path.Combine(ScoringReference.Folder, "prob_2d.npy"));
        var truth = NpyFile.Read(Path.Combine(ScoringReference.Folder, "truth_2d.npy"));
        var shape = prob.Shape.ToArray();
        var (n, h, w) = (shape[0], shape[1], shape[2]);
        var size = new VolumeSize(w, h, 1);
        var geometry = VolumeGeometry.WithSpacing(spacing[0], spacing[1], 1);
        var scores = new List<CaseScore>();
        for (var k = 0; k < n; k++)
        {
            var p = new Volume<float>(size, geometry, prob.AsFloat32().Slice(k * h * w, h * w).ToArray());
            var g = new Volume<byte>(size, geometry, truth.AsUInt8().Slice(k * h * w, h * w).ToArray());
            scores.AddRange(CaseScorer.Score(p, g, Thresholds, planar: true)
                .Select(s => new CaseScore("reference", k.ToString(CultureInfo.InvariantCulture), s.Threshold, s.Metrics)));
        }
        return scores;
    }

    private static double[] Spacing(string name) => [.. ScoringReference.Root.GetProperty(name).EnumerateArray().Select(v => v.GetDouble())];

    private static string Key(double threshold) => threshold.ToString(CultureInfo.InvariantCulture);

    private static void AssertMatches(JsonElement expected, SegmentEvaluation actual, string what)
    {
        foreach (var (key, value) in ComparedMetrics.All)
        {
            Close(expected.GetProperty(key), value(actual), ComparedMetrics.IsRatio(key) ? OverlapTolerance : DistanceTolerance, $"{key}, {what}");
        }
    }

    private static void Close(JsonElement expected, double? actual, double tolerance, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual is null, $"{what}: expected undefined, got {actual}");
            return;
        }
        Assert.True(actual is { } a && Math.Abs(a - expected.GetDouble()) <= tolerance, $"{what}: expected {expected.GetDouble()}, got {actual}");
    }
}
