using System.Text.Json;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Pipeline.Conversion;
using PipelineSeg.Pipeline.Evaluation;

namespace PipelineSeg.Pipeline.Tests.Evaluation;

public sealed class LabelEvaluatorTests
{
    private static string Fixture(string name) => TestPaths.Repo("tests", "PipelineSeg.Imaging.Tests", "Fixtures", name);

    [SkippableFact]
    public async Task Nifti_pair_gives_the_scipy_reference_metrics_in_json()
    {
        var result = await LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(Fixture("metrics_pred.nii.gz"), Fixture("metrics_gt.nii.gz")));
        Assert.Equal(GridRelation.Same, result.Alignment);
        using var reference = JsonDocument.Parse(await File.ReadAllTextAsync(Fixture("reference.json")));
        using var json = JsonDocument.Parse(EvaluationJson.Serialize(result));
        var segments = json.RootElement.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], segments.Select(s => s.GetProperty("label").GetInt32()));
        foreach (var s in segments)
        {
            var r = reference.RootElement.GetProperty("metrics").GetProperty("labels").GetProperty(s.GetProperty("label").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(r.GetProperty("dice").GetDouble(), s.GetProperty("dice").GetDouble(), 1e-6);
            if (r.GetProperty("hd95").ValueKind == JsonValueKind.Null)
            {
                Assert.Equal(JsonValueKind.Null, s.GetProperty("hausdorff95Mm").ValueKind);
            }
            else
            {
                Assert.Equal(r.GetProperty("hd95").GetDouble(), s.GetProperty("hausdorff95Mm").GetDouble(), 1e-3);
            }
        }
        Assert.Equal([1, 2, 3, 4], json.RootElement.GetProperty("mean").GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()));
    }

    [SkippableFact]
    public async Task Flipped_copy_of_the_ground_truth_is_reoriented_exactly()
    {
        var dir = TestPaths.NewTempDirectory("eval-flip");
        try
        {
            var gt = NiftiFile.Read(Fixture("metrics_gt.nii.gz")).ToLabels("gt");
            var flipped = Path.Combine(dir, "flipped.nii.gz");
            await NiftiFile.WriteAsync(flipped, NiftiExport.FlipRows(gt));
            var result = await LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(flipped, Fixture("metrics_gt.nii.gz")));
            Assert.Equal(GridRelation.Reoriented, result.Alignment);
            Assert.All(result.Report.Segments, s => Assert.Equal(1.0, s.Dice));
            Assert.All(result.Report.Segments, s => Assert.Equal(0.0, s.Hausdorff));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [SkippableFact]
    public async Task Different_grids_fail_naming_both_files_unless_resampling_is_asked()
    {
        var dir = TestPaths.NewTempDirectory("eval-grid");
        try
        {
            var gt = NiftiFile.Read(Fixture("metrics_gt.nii.gz")).ToLabels("gt");
            var moved = gt.Clone();
            moved.Geometry = gt.Geometry with { Origin = gt.Geometry.Origin + new Vec3(0.35, 0, 0) };
            var path = Path.Combine(dir, "moved.nii.gz");
            await NiftiFile.WriteAsync(path, moved);
            var e = await Assert.ThrowsAsync<GeometryMismatchException>(() =>
                LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(path, Fixture("metrics_gt.nii.gz"))));
            Assert.Contains("moved.nii.gz", e.Message, StringComparison.Ordinal);
            Assert.Contains("metrics_gt.nii.gz", e.Message, StringComparison.Ordinal);
            Assert.Contains("--resample", e.Message, StringComparison.Ordinal);

            var resampled = await LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(path, Fixture("metrics_gt.nii.gz")) { Resample = true });
            Assert.Equal(GridRelation.Different, resampled.Alignment);
            Assert.All(resampled.Report.Segments, s => Assert.InRange(s.Dice, 0.5, 1.0));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
