using System.Globalization;
using System.Text.Json;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Outputs.Nifti;
using PipelineSeg.Pipeline.Outputs.RtStruct;
using Xunit.Abstractions;

namespace PipelineSeg.EndToEnd.Tests.Batch;

/// <summary><c>batch --outputs seg,rtstruct,nifti,html</c> on the samples: every object per series, named in report.json, checked by the peers.</summary>
public sealed class SampleOutputsTests(SampleBatchFixture batch, ITestOutputHelper output) : IClassFixture<SampleBatchFixture>
{
    [SkippableFact]
    public void Report_json_names_every_output_and_each_file_exists()
    {
        Assert.Equal(3, batch.Reports.Count);
        foreach (var (folder, report) in batch.Reports)
        {
            var outputs = report.GetProperty("outputs").EnumerateArray()
                .ToDictionary(o => o.GetProperty("name").GetString()!, o => o.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList());
            Assert.Equal(["seg", "rtstruct", "nifti", "html"], outputs.Keys);
            Assert.Equal([PipelineSeg.Reporting.Html.HtmlReportWriter.FileName], outputs["html"]);
            Assert.Equal([SeriesProcessor.SegFileName], outputs["seg"]);
            Assert.Equal([RtStructResultWriter.FileName], outputs["rtstruct"]);
            Assert.Equal([NiftiResultWriter.FileName], outputs["nifti"]);
            Assert.All(outputs.Values.SelectMany(f => f), f => Assert.True(File.Exists(Path.Combine(folder, f))));
        }
    }

    [SkippableFact]
    public void Every_RTSTRUCT_has_zero_dciodvfy_errors_and_plastimatch_reaches_the_Dice_bar_against_the_label_map()
    {
        foreach (var (folder, report) in batch.Reports)
        {
            var rtstruct = Path.Combine(folder, RtStructResultWriter.FileName);
            var errors = ExternalTool.Run("dciodvfy", [rtstruct]).Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, $"{rtstruct}:\n{string.Join('\n', errors)}");
            var work = TestPaths.NewTempDirectory("e2e-plastimatch");
            try
            {
                // The bundled model: 1 liver, 2 lesion; the liver ROI includes its lesions, as in the SEG.
                var result = ExternalTool.Run(ExternalTool.Python, [TestPaths.Repo("tools", "rtstruct", "plastimatch_dice.py"), rtstruct,
                    Path.Combine(SampleBatchFixture.SampleOf(report), "ct"), Path.Combine(folder, NiftiResultWriter.FileName), work, "liver=1,2", "lesion=2"]);
                Assert.True(result.ExitCode == 0, result.Combined);
                var rois = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("rois");
                foreach (var roi in rois.EnumerateObject())
                {
                    var dice = roi.Value.GetProperty("dice").GetDouble();
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(SampleBatchFixture.SampleOf(report))} {roi.Name}: plastimatch Dice {dice:F4}"));
                    Assert.True(dice >= 0.97, $"{rtstruct} {roi.Name}: Dice {dice}");
                }
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
