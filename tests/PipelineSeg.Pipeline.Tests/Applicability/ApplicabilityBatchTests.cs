using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Applicability;

/// <summary>
/// The batch with a model card: a 48-pixel phantom has about 7.5 mm pixels, outside the card's 1–3 mm, so it is
/// processed with a warning under <c>warn</c> and quarantined under <c>refuse</c>.
/// </summary>
public sealed class ApplicabilityBatchTests
{
    private static BatchRequest Request(string input, string output, ApplicabilityPolicy policy) => new()
    {
        InputDirectory = input,
        OutputDirectory = output,
        PipelineName = "test",
        Pipeline = new PipelineDefinition { Model = "threshold", Applicability = policy, MaxHistogramDistance = 1 },
    };

    [SkippableFact]
    public async Task Under_warn_the_series_is_processed_and_every_output_says_so()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 8);
        var output = Path.Combine(phantom.Root, "out");
        using var model = new CardedModel(Cards.Abdomen());

        var result = await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(Request(phantom.Folder, output, ApplicabilityPolicy.Warn));

        var outcome = Assert.Single(result.Series);
        Assert.Equal(SeriesStatus.Succeeded, outcome.Status);
        Assert.Equal((1, 0), (result.ApplicabilityWarnings, result.Refused));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outcome.OutputFolder!, SeriesProcessor.ReportFileName)));
        var block = report.RootElement.GetProperty("applicability");
        Assert.Equal(("warn", "fail", "warned"), (block.GetProperty("policy").GetString(), block.GetProperty("verdict").GetString(), block.GetProperty("action").GetString()));
        var spacing = block.GetProperty("input").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "inPlaneSpacing");
        Assert.Equal("fail", spacing.GetProperty("verdict").GetString());
        Assert.Equal("1–3 mm", spacing.GetProperty("expected").GetString());
        Assert.Contains(block.GetProperty("result").EnumerateArray(), c => c.GetProperty("segment").GetString() == "liver");
        using var seg = DicomFile.Open(Path.Combine(outcome.OutputFolder!, SeriesProcessor.SegFileName));
        Assert.StartsWith("WARNING outside model card", seg.Dataset.GetString(DicomTags.ContentDescription), StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, BatchProcessor.SummaryFileName)));
        Assert.Equal(1, summary.RootElement.GetProperty("applicabilityWarnings").GetInt32());
    }

    [SkippableFact]
    public async Task Under_refuse_the_series_is_quarantined_with_the_failed_check()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 9);
        var output = Path.Combine(phantom.Root, "out");
        using var model = new CardedModel(Cards.Abdomen());

        var result = await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(Request(phantom.Folder, output, ApplicabilityPolicy.Refuse));

        var failed = Assert.Single(result.Series, s => s.Status == SeriesStatus.Failed);
        Assert.Equal((0, 1, 1), (result.Succeeded, result.Refused, result.Failed));
        Assert.Equal(ApplicabilityAction.Refused, failed.Applicability!.Action);
        var reason = await File.ReadAllTextAsync(Path.Combine(failed.OutputFolder!, "reason.txt"));
        Assert.Contains("refused by the model card of 'threshold'", reason, StringComparison.Ordinal);
        Assert.Contains("inPlaneSpacing", reason, StringComparison.Ordinal);
        Assert.Equal(0, model.Calls);
    }

    [SkippableFact]
    public async Task Under_pass_the_checks_are_recorded_but_nothing_is_raised()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 10);
        var output = Path.Combine(phantom.Root, "out");
        using var model = new CardedModel(Cards.Abdomen());

        var result = await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(Request(phantom.Folder, output, ApplicabilityPolicy.Pass));

        var outcome = Assert.Single(result.Series);
        Assert.Equal(SeriesStatus.Succeeded, outcome.Status);
        Assert.Equal((0, 0), (result.ApplicabilityWarnings, result.Refused));
        Assert.Equal((CheckVerdict.Fail, ApplicabilityAction.None), (outcome.Applicability!.Verdict, outcome.Applicability.Action));
        using var seg = DicomFile.Open(Path.Combine(outcome.OutputFolder!, SeriesProcessor.SegFileName));
        Assert.Equal("threshold 0.0.1", seg.Dataset.GetString(DicomTags.ContentDescription));
    }
}
