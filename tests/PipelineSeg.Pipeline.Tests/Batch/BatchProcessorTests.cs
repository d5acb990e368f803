using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Batch;

public sealed class BatchProcessorTests
{
    private static BatchRequest Request(string input, string output, PipelineDefinition? definition = null) => new()
    {
        InputDirectory = input,
        OutputDirectory = output,
        PipelineName = "test",
        Pipeline = definition ?? new PipelineDefinition { Model = "threshold" },
        SlicesPerBatch = 4,
    };

    [SkippableFact]
    public async Task Each_series_gets_a_SEG_and_a_report_with_ground_truth_metrics()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        var output = Path.Combine(phantom.Root, "out");
        using var model = new ThresholdModel(size: 32);

        var result = await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(Request(phantom.Folder, output));

        var outcome = Assert.Single(result.Series);
        Assert.Equal(SeriesStatus.Succeeded, outcome.Status);
        Assert.True(File.Exists(Path.Combine(outcome.OutputFolder!, SeriesProcessor.SegFileName)));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outcome.OutputFolder!, SeriesProcessor.ReportFileName)));
        var root = report.RootElement;
        Assert.Equal("threshold", root.GetProperty("model").GetProperty("id").GetString());
        Assert.Equal(6, root.GetProperty("series").GetProperty("slices").GetInt32());
        Assert.Equal(2, root.GetProperty("segments").GetArrayLength());
        var liver = root.GetProperty("groundTruth").GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "liver");
        Assert.InRange(liver.GetProperty("dice").GetDouble(), 0, 1);
        Assert.True(root.GetProperty("timingsMs").GetProperty("total").GetDouble() > 0);
        Assert.True(File.Exists(Path.Combine(output, BatchProcessor.SummaryFileName)));
        Assert.True(model.Disposed);
    }

    [SkippableFact]
    public async Task With_EmptySegments_drop_report_json_names_the_segments_left_out_of_the_SEG()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        var output = Path.Combine(phantom.Root, "out");
        using var model = new ThresholdModel(size: 32);
        // The model's probabilities never reach 0.95: every segment is empty.
        var request = Request(phantom.Folder, output, new PipelineDefinition { Model = "threshold", Threshold = 0.95 }) with
        {
            EmptySegments = PipelineSeg.Pipeline.Outputs.EmptySegmentPolicy.Drop,
        };

        var result = await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(request);

        var outcome = Assert.Single(result.Series);
        Assert.Equal(SeriesStatus.Succeeded, outcome.Status);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outcome.OutputFolder!, SeriesProcessor.ReportFileName)));
        var root = report.RootElement;
        Assert.All(root.GetProperty("segments").EnumerateArray(), s => Assert.Equal(0, s.GetProperty("voxels").GetInt64()));
        var dropped = root.GetProperty("segmentation").GetProperty("droppedEmptySegments").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["lesion"], dropped); // the first segment stays: a SEG needs one
        var seg = PipelineSeg.Dicom.Seg.SegmentationReader.Read(Path.Combine(outcome.OutputFolder!, SeriesProcessor.SegFileName));
        Assert.Equal(["liver"], seg.Segments.Select(s => s.Label));
    }

    [SkippableFact]
    public async Task With_SegCompression_deflate_the_batch_writes_a_deflated_SEG_that_reads_back_the_same()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        using var plainModel = new ThresholdModel(size: 32);
        using var deflatedModel = new ThresholdModel(size: 32);
        var plain = await new BatchProcessor(new FakeModelProvider(plainModel), NullLogger<BatchProcessor>.Instance)
            .RunAsync(Request(phantom.Folder, Path.Combine(phantom.Root, "plain")));
        var deflated = await new BatchProcessor(new FakeModelProvider(deflatedModel), NullLogger<BatchProcessor>.Instance)
            .RunAsync(Request(phantom.Folder, Path.Combine(phantom.Root, "deflated")) with { SegCompression = PipelineSeg.Dicom.Seg.SegmentationCompression.Deflate });

        // The batch's own read-back check passed (a mismatch fails the series); the file is deflated and holds the same frames.
        var plainPath = Path.Combine(Assert.Single(plain.Series).OutputFolder!, SeriesProcessor.SegFileName);
        var deflatedPath = Path.Combine(Assert.Single(deflated.Series).OutputFolder!, SeriesProcessor.SegFileName);
        Assert.Equal(SeriesStatus.Succeeded, Assert.Single(deflated.Series).Status);
        Assert.Equal(PipelineSeg.Dicom.TransferSyntaxes.DeflatedExplicitVRLittleEndian, PipelineSeg.Dicom.DicomFile.Open(deflatedPath).TransferSyntax.Uid);
        Assert.True(new FileInfo(deflatedPath).Length < new FileInfo(plainPath).Length);
        var expected = PipelineSeg.Dicom.Seg.SegmentationReader.Read(plainPath);
        var actual = PipelineSeg.Dicom.Seg.SegmentationReader.Read(deflatedPath);
        Assert.Equal(expected.Frames.Select(f => f.SegmentNumber), actual.Frames.Select(f => f.SegmentNumber));
        Assert.Equal(expected.Values, actual.Values);
    }

    [SkippableFact]
    public async Task A_truncated_series_is_quarantined_with_its_reason_and_the_rest_goes_on()
    {
        using var good = await PhantomFolder.CreateAsync(seed: 6);
        using var bad = await PhantomFolder.CreateAsync(seed: 7);
        Directory.Move(bad.Folder, Path.Combine(good.Root, "bad"));
        var slice = Directory.GetFiles(Path.Combine(good.Root, "bad", "ct")).Order(StringComparer.Ordinal).ElementAt(2);
        var bytes = await File.ReadAllBytesAsync(slice);
        await File.WriteAllBytesAsync(slice, bytes[..(bytes.Length - 1000)]); // pixel data cut short
        var output = Path.Combine(good.Root, "out");
        using var model = new ThresholdModel(size: 32);

        var result = await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(Request(good.Root, output));

        Assert.Equal(1, result.Succeeded);
        var failed = Assert.Single(result.Series, s => s.Status == SeriesStatus.Failed);
        Assert.StartsWith(Path.Combine(output, "quarantine"), failed.OutputFolder, StringComparison.Ordinal);
        var reason = await File.ReadAllTextAsync(Path.Combine(failed.OutputFolder!, "reason.txt"));
        Assert.Contains(Path.GetFileName(slice), reason, StringComparison.Ordinal);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(failed.OutputFolder!, "files")).Length);
        Assert.Equal(bytes.Length - 1000, new FileInfo(slice).Length); // the input itself is untouched
    }

    [SkippableFact]
    public async Task Series_of_another_modality_are_skipped_not_failed()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        var definition = new PipelineDefinition { Model = "threshold" };
        definition.Modalities.Add("MR");
        using var model = new ThresholdModel(size: 32);

        var result = await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance)
            .RunAsync(Request(phantom.Folder, Path.Combine(phantom.Root, "out"), definition));

        var outcome = Assert.Single(result.Series);
        Assert.Equal(SeriesStatus.Skipped, outcome.Status);
        Assert.Contains("CT", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(0, model.Calls);
    }

    [SkippableFact]
    public async Task An_unknown_model_is_reported_as_such()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        using var model = new ThresholdModel(size: 32);
        var request = Request(phantom.Folder, Path.Combine(phantom.Root, "out"), new PipelineDefinition { Model = "missing" });

        await Assert.ThrowsAsync<KeyNotFoundException>(() => new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(request));
    }

    [SkippableTheory]
    [InlineData("1.2.3#2", "1.2.3_2")]
    [InlineData("a/b", "a_b")]
    [InlineData("..", "unnamed")]
    public void Quarantine_names_are_safe_folder_names(string name, string expected) =>
        Assert.Equal(expected, Quarantine.SafeName(name));
}
