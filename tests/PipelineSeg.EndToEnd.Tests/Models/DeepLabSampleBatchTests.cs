using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;
using PipelineSeg.EndToEnd.Tests.Schemas;

namespace PipelineSeg.EndToEnd.Tests.Models;

/// <summary>
/// <c>batch --pipeline deeplab</c> on the bundled phantom samples (each with its ground-truth SEG): the DeepLabV3 sample
/// segments the liver sensibly and, because it ships its SegAN critic, each report gives <c>groundTruth.criticDistance</c>.
/// </summary>
public sealed class DeepLabSampleBatchTests
{
    [SkippableFact]
    public void Reports_give_the_liver_dice_and_the_critic_distance()
    {
        var output = TestPaths.NewTempDirectory("e2e-deeplab");
        try
        {
            var result = PipelineSegCli.Run("batch", "--input", TestPaths.Repo("samples", "dicom"), "--output", output, "--pipeline", "deeplab");
            Assert.True(result.ExitCode == 0, result.Combined);
            var reports = Directory.GetFiles(output, "report.json", SearchOption.AllDirectories);
            Assert.Equal(3, reports.Length);
            foreach (var path in reports)
            {
                using var report = JsonDocument.Parse(File.ReadAllText(path));
                Assert.Empty(ReportSchema.Errors(report.RootElement));
                Assert.Equal("deeplabv3-liver-phantom", report.RootElement.GetProperty("model").GetProperty("id").GetString());
                var truth = report.RootElement.GetProperty("groundTruth");
                var liver = truth.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "liver");
                Assert.InRange(liver.GetProperty("dice").GetDouble(), 0.7, 1.0);
                Assert.InRange(truth.GetProperty("criticDistance").GetDouble(), 1e-6, 1.0);
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
