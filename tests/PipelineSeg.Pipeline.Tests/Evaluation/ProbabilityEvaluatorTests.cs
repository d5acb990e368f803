using System.Globalization;
using System.Text.Json;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Pipeline.Evaluation;

namespace PipelineSeg.Pipeline.Tests.Evaluation;

public sealed class ProbabilityEvaluatorTests
{
    private static string Fixture(string name) => TestPaths.Repo("tests", "PipelineSeg.Imaging.Tests", "Fixtures", name);

    [SkippableFact]
    public async Task Sweep_and_soft_jaccard_match_the_scipy_reference()
    {
        var dir = TestPaths.NewTempDirectory("prob-eval");
        try
        {
            // the reference sweep compares against liver ∪ tumour (labels 1 and 2)
            var gt = NiftiFile.Read(Fixture("metrics_gt.nii.gz")).ToLabels("gt");
            var binary = gt.CreateLike<byte>();
            for (var i = 0; i < gt.Length; i++)
            {
                binary.Span[i] = (byte)(gt.Span[i] is 1 or 2 ? 1 : 0);
            }
            var truthPath = Path.Combine(dir, "truth.nii.gz");
            await NiftiFile.WriteAsync(truthPath, binary);

            var result = await ProbabilityEvaluator.EvaluateAsync(new LabelEvaluationRequest(Fixture("metrics_prob.nii.gz"), truthPath), 1, null);
            using var reference = JsonDocument.Parse(await File.ReadAllTextAsync(Fixture("reference.json")));
            var metrics = reference.RootElement.GetProperty("metrics");
            Assert.Equal(metrics.GetProperty("soft_jaccard").GetDouble(), result.SoftJaccard, 1e-6);
            Assert.Equal(5, result.Sweep.Count);
            foreach (var (t, m) in result.Sweep)
            {
                var r = metrics.GetProperty("sweep").GetProperty(t.ToString(CultureInfo.InvariantCulture));
                Assert.Equal(r.GetProperty("dice").GetDouble(), m.Dice, 1e-6);
                Assert.Equal(r.GetProperty("hd95").GetDouble(), m.Hausdorff95!.Value, 1e-3);
            }
            using var json = JsonDocument.Parse(EvaluationJson.Serialize(result));
            Assert.Equal(5, json.RootElement.GetProperty("thresholds").GetArrayLength());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [SkippableFact]
    public async Task Label_map_is_rejected_as_a_probability_map()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            ProbabilityEvaluator.EvaluateAsync(new LabelEvaluationRequest(Fixture("metrics_pred.nii.gz"), Fixture("metrics_gt.nii.gz")), 1, null));
        Assert.Contains("metrics_pred.nii.gz", e.Message, StringComparison.Ordinal);
    }
}
