using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Batch;

/// <summary>Where batch results go: findable (summary maps input to output and references reports), and output problems are not input problems.</summary>
public sealed class BatchOutputTests
{
    private static BatchRequest Request(string input, string output) => new()
    {
        InputDirectory = input,
        OutputDirectory = output,
        PipelineName = "test",
        Pipeline = new PipelineDefinition { Model = "threshold" },
    };

    private static Task<BatchResult> RunAsync(string input, string output, ThresholdModel model) =>
        new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(Request(input, output));

    [SkippableFact]
    public async Task The_summary_maps_input_to_output_folders_and_references_the_report_instead_of_repeating_it()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        var output = Path.Combine(phantom.Root, "out");
        using var model = new ThresholdModel(size: 32);

        var result = await RunAsync(phantom.Root, output, model);

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, BatchProcessor.SummaryFileName)));
        var entry = Assert.Single(summary.RootElement.GetProperty("series").EnumerateArray());
        var uid = result.Series[0].Name;
        Assert.Equal(Path.GetRelativePath(phantom.Root, phantom.CtFolder), entry.GetProperty("inputFolder").GetString());
        Assert.Equal(uid, entry.GetProperty("outputFolder").GetString());
        Assert.Equal($"{uid}/{SeriesProcessor.ReportFileName}", entry.GetProperty("report").GetString());
        Assert.True(File.Exists(Path.Combine(output, entry.GetProperty("report").GetString()!)));
        Assert.False(entry.TryGetProperty("groundTruth", out _));
        Assert.False(entry.TryGetProperty("segments", out _));
        Assert.Equal(1, summary.RootElement.GetProperty("succeeded").GetInt32());
        // The result folder is named by UID, never after the input folder (export folders carry patient names).
        Assert.DoesNotContain(Path.GetFileName(phantom.Folder), entry.GetProperty("outputFolder").GetString()!, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_empty_input_says_no_DICOM_series_found()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        var empty = Path.Combine(phantom.Root, "empty");
        Directory.CreateDirectory(empty);
        await File.WriteAllTextAsync(Path.Combine(empty, "notes.txt"), "not DICOM");
        using var model = new ThresholdModel(size: 32);

        var result = await RunAsync(empty, Path.Combine(phantom.Root, "out"), model);

        Assert.True(result.NothingFound);
        Assert.StartsWith("no DICOM series found", result.NothingFoundMessage, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(phantom.Root, "out", BatchProcessor.SummaryFileName)));
        Assert.StartsWith("no DICOM series found", summary.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, model.Calls);
    }

    [SkippableFact]
    public async Task A_blocked_output_folder_fails_the_series_without_quarantining_its_good_input()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        var output = Path.Combine(phantom.Root, "out");
        using var model = new ThresholdModel(size: 32);
        var first = await RunAsync(phantom.Folder, output, model);
        var uid = first.Series.Single().Name;
        Directory.Delete(Path.Combine(output, uid), recursive: true);
        await File.WriteAllTextAsync(Path.Combine(output, uid), "a file where the result folder goes");

        var result = await RunAsync(phantom.Folder, output, model);

        var outcome = Assert.Single(result.Series);
        Assert.Equal(SeriesStatus.Failed, outcome.Status);
        Assert.True(outcome.OutputFailed);
        Assert.Null(outcome.OutputFolder);
        Assert.Contains(Path.Combine(output, uid), outcome.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "quarantine")), "good input was quarantined");
        Assert.Equal(0, result.Quarantined);
    }

    [SkippableFact]
    public async Task A_later_successful_run_clears_the_stale_quarantine_entry()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        var output = Path.Combine(phantom.Root, "out");
        var slice = Directory.GetFiles(phantom.CtFolder).Order(StringComparer.Ordinal).ElementAt(2);
        var good = await File.ReadAllBytesAsync(slice);
        await File.WriteAllBytesAsync(slice, good[..(good.Length - 500)]);
        using var model = new ThresholdModel(size: 32);
        var failed = Assert.Single((await RunAsync(phantom.Folder, output, model)).Series);
        Assert.Equal(SeriesStatus.Failed, failed.Status);
        Assert.True(Directory.Exists(failed.OutputFolder));
        // Another series' entry from an unrelated run stays.
        var unrelated = Path.Combine(output, "quarantine", "1.2.3.4");
        Directory.CreateDirectory(unrelated);

        await File.WriteAllBytesAsync(slice, good);
        var fixedRun = await RunAsync(phantom.Folder, output, model);

        Assert.Equal(SeriesStatus.Succeeded, Assert.Single(fixedRun.Series).Status);
        Assert.False(Directory.Exists(failed.OutputFolder), "stale quarantine entry left behind");
        Assert.True(Directory.Exists(unrelated));
    }

    [SkippableFact]
    public async Task A_broken_file_quarantined_by_name_is_cleared_when_it_is_part_of_a_good_series_later()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        // Without ground truth, so that the five remaining slices are segmented on the first run.
        Directory.Delete(Path.Combine(phantom.Folder, "ground-truth"), recursive: true);
        var output = Path.Combine(phantom.Root, "out");
        var slice = Directory.GetFiles(phantom.CtFolder).Order(StringComparer.Ordinal).First();
        var good = await File.ReadAllBytesAsync(slice);
        await File.WriteAllBytesAsync(slice, good[..100]); // header cut: rejected by file name at intake
        using var model = new ThresholdModel(size: 32);
        var first = await RunAsync(phantom.Folder, output, model);
        var rejected = Assert.Single(first.Series, s => s.Status == SeriesStatus.Failed);
        Assert.Equal(Path.GetFileName(slice), rejected.Name);

        await File.WriteAllBytesAsync(slice, good);
        var second = await RunAsync(phantom.Folder, output, model);

        Assert.All(second.Series, s => Assert.Equal(SeriesStatus.Succeeded, s.Status));
        Assert.False(Directory.Exists(rejected.OutputFolder));
    }
}
