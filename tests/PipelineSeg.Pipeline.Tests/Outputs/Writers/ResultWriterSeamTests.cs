using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Outputs.Nifti;
using PipelineSeg.Pipeline.Outputs.Writers;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Outputs.Writers;

public sealed class ResultWriterSeamTests
{
    /// <summary>A writer that keeps the context it was given and writes one file from it.</summary>
    private sealed class RecordingWriter : ISeriesResultWriter
    {
        public SeriesResultContext? Seen { get; private set; }

        public string Name => "html";

        public async Task<IReadOnlyList<string>> WriteAsync(SeriesResultContext context, CancellationToken cancellationToken)
        {
            Seen = context;
            await File.WriteAllTextAsync(Path.Combine(context.Folder, "seen.txt"), context.Report.Model.Id, cancellationToken);
            return ["seen.txt"];
        }
    }

    private static BatchRequest Request(string input, string output) => new()
    {
        InputDirectory = input,
        OutputDirectory = output,
        PipelineName = "test",
        Pipeline = new PipelineDefinition { Model = "threshold" },
        SlicesPerBatch = 4,
    };

    [SkippableFact]
    public async Task Writers_get_the_series_labels_and_ground_truth_and_report_json_names_every_file()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        using var model = new ThresholdModel(size: 32);
        var recorder = new RecordingWriter();
        var request = Request(phantom.Folder, Path.Combine(phantom.Root, "out")) with { ResultWriters = [new NiftiResultWriter(), recorder] };

        var result = await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(request);

        var outcome = Assert.Single(result.Series);
        Assert.Equal(SeriesStatus.Succeeded, outcome.Status);
        var seen = Assert.IsType<SeriesResultContext>(recorder.Seen);
        Assert.Equal(outcome.OutputFolder, seen.Folder);
        Assert.Equal(seen.Series.Slices.Count, seen.Labels.Depth);
        Assert.NotNull(seen.GroundTruth);
        Assert.Contains(seen.GroundTruth!, p => p.Name == "liver" && p.GroundTruth.Span.ContainsAnyExcept((byte)0));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outcome.OutputFolder!, SeriesProcessor.ReportFileName)));
        var outputs = report.RootElement.GetProperty("outputs").EnumerateArray()
            .ToDictionary(o => o.GetProperty("name").GetString()!, o => o.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToList());
        Assert.Equal(["seg", "nifti", "html"], outputs.Keys);
        Assert.Equal([SeriesProcessor.SegFileName], outputs["seg"]);
        Assert.Equal([NiftiResultWriter.FileName], outputs["nifti"]);
        Assert.Equal(["seen.txt"], outputs["html"]);
        Assert.All(outputs.Values.SelectMany(f => f), f => Assert.True(File.Exists(Path.Combine(outcome.OutputFolder!, f!))));
    }

    [SkippableFact]
    public async Task The_NIfTI_label_map_holds_the_labels_of_the_SEG_at_the_same_world_positions()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        using var model = new ThresholdModel(size: 32);
        var request = Request(phantom.Folder, Path.Combine(phantom.Root, "out")) with { ResultWriters = [new NiftiResultWriter()] };

        var result = await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(request);

        var folder = Assert.Single(result.Series).OutputFolder!;
        var labels = (await NiftiFile.ReadAsync(Path.Combine(folder, NiftiResultWriter.FileName))).ToLabels("labels");
        var seg = PipelineSeg.Dicom.Seg.SegmentationReader.Read(Path.Combine(folder, SeriesProcessor.SegFileName));
        var liverVoxels = labels.Span.ToArray().LongCount(v => v != 0); // liver ⊇ lesion, as the SEG's liver segment counts it
        var segLiver = seg.Segments.Single(s => s.Label == "liver").Number;
        var segVoxels = seg.Frames.Select((f, i) => (f, i)).Where(p => p.f.SegmentNumber == segLiver)
            .Sum(p => (long)seg.FrameValues(p.i).ToArray().Count(v => v != 0));
        Assert.True(liverVoxels > 0);
        Assert.Equal(segVoxels, liverVoxels);
    }

    [SkippableFact]
    public async Task Without_seg_in_the_outputs_no_SEG_is_written_and_the_report_says_so()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        using var model = new ThresholdModel(size: 32);
        var request = Request(phantom.Folder, Path.Combine(phantom.Root, "out")) with { WriteSeg = false, ResultWriters = [new NiftiResultWriter()] };

        var result = await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(request);

        var folder = Assert.Single(result.Series).OutputFolder!;
        Assert.False(File.Exists(Path.Combine(folder, SeriesProcessor.SegFileName)));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, SeriesProcessor.ReportFileName)));
        Assert.False(report.RootElement.TryGetProperty("segmentation", out _));
        Assert.Equal("nifti", Assert.Single(report.RootElement.GetProperty("outputs").EnumerateArray()).GetProperty("name").GetString());
    }

    [SkippableTheory]
    [InlineData("seg, RTSTRUCT,seg", new[] { "seg", "rtstruct" })]
    [InlineData("nifti", new[] { "nifti" })]
    public void Names_are_split_trimmed_lowercased_and_deduplicated(string list, string[] expected) =>
        Assert.Equal(expected, OutputNames.Parse(list));

    [SkippableFact]
    public void A_pipeline_naming_an_unknown_output_is_invalid_naming_the_setting()
    {
        var definition = new PipelineDefinition { Model = "m" };
        definition.Outputs.AddRange(["seg", "stl"]);
        var error = Assert.Single(definition.Validate("liver"));
        Assert.Contains("Pipelines:liver:Outputs", error, StringComparison.Ordinal);
        Assert.Contains("'stl'", error, StringComparison.Ordinal);
    }
}
