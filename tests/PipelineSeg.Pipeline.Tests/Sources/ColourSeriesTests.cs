using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Sources;

/// <summary>Colour DICOM series reach RGB models as R, G, B channels; grey models refuse them.</summary>
public sealed class ColourSeriesTests
{
    [SkippableTheory]
    [InlineData("rgb0", 48)]
    [InlineData("ybr1", 48)]
    [InlineData("jpeg", 100)]
    public async Task An_rgb_model_gets_pydicoms_rgb_planes_windowed_and_normalised_per_channel(string kind, int size)
    {
        using var colour = ColourSeries.Create(kind, slices: 3);
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(colour.Folder)).Volumes);
        using var rgb = new RgbModel(size);

        await SlabPipelineFactory.Create(new PipelineDefinition { Model = "rgb" }, [rgb], 2).RunAsync(new DicomVolumeSource(series));

        // pydicom's RGB through the model's own window, then (v − mean[c]) / std[c]: slabs of 2 and 1 slices.
        var expected = colour.Reference!.Select(v => (float)v).ToArray();
        rgb.Manifest.Input.Intensity.Apply(expected);
        var plane = size * size;
        for (var i = 0; i < expected.Length; i++)
        {
            var c = i / plane % 3;
            expected[i] = (expected[i] - (float)RgbModel.ImageNetMean[c]) / (float)RgbModel.ImageNetStd[c];
        }
        var given = rgb.Inputs.SelectMany(x => x).ToArray();
        Assert.Equal(2, rgb.Inputs.Count);
        Assert.Equal(expected.Length, given.Length);
        var worst = Enumerable.Range(0, given.Length).Max(i => Math.Abs(given[i] - expected[i]));
        Assert.True(worst <= 1e-6f, $"model input differs from pydicom's RGB by up to {worst}");
    }

    [SkippableFact]
    public async Task A_grey_model_refuses_a_colour_series_with_the_series_and_the_reason()
    {
        using var colour = ColourSeries.Create("rgb0", slices: 2);
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(colour.Folder)).Volumes);
        using var grey = new ThresholdModel(size: 48);
        using var rgb = new RgbModel(size: 48);

        var e = Assert.Throws<InvalidDataException>(() => ColourInput.Require(series, [rgb.Manifest, grey.Manifest]));
        ColourInput.Require(series, [rgb.Manifest]);

        Assert.Contains("OT series 7 (48x48x2", e.Message, StringComparison.Ordinal);
        Assert.Contains("colour (RGB)", e.Message, StringComparison.Ordinal);
        Assert.Contains("model 'threshold' takes grey input", e.Message, StringComparison.Ordinal);
        // The slab stages refuse it too, for callers that build a pipeline without the check.
        var stages = SlabPipelineFactory.Create(new PipelineDefinition { Model = "threshold" }, [grey], 2);
        var inStages = await Assert.ThrowsAsync<InvalidDataException>(() => stages.RunAsync(new DicomVolumeSource(series)));
        Assert.Contains("model 'threshold' takes grey input", inStages.Message, StringComparison.Ordinal);
        Assert.Equal(0, grey.Calls);
    }

    [SkippableFact]
    public async Task Colour_stored_in_a_way_that_is_not_read_is_refused_when_the_source_opens()
    {
        using var colour = ColourSeries.Create("ybr422", slices: 2);
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(colour.Folder)).Volumes);

        var e = Assert.Throws<InvalidDataException>(() => new DicomVolumeSource(series));

        Assert.Contains("OT series 7", e.Message, StringComparison.Ordinal);
        Assert.Contains("YBR_FULL_422", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Batch_segments_a_colour_series_with_an_rgb_model_into_a_seg_dciodvfy_accepts_and_refuses_it_for_a_grey_model()
    {
        using var colour = ColourSeries.Create("ybr0", slices: 4);
        using var rgb = new RgbModel(size: 32);
        var output = Path.Combine(colour.Root, "out");
        var request = new BatchRequest
        {
            InputDirectory = colour.Folder, OutputDirectory = output, PipelineName = "colour", Pipeline = new PipelineDefinition { Model = "rgb" }, SlicesPerBatch = 3,
        };

        var outcome = Assert.Single((await new BatchProcessor(new FakeModelProvider(rgb), NullLogger<BatchProcessor>.Instance).RunAsync(request)).Series);

        Assert.True(outcome.Status == SeriesStatus.Succeeded, outcome.Message);
        Assert.Contains(outcome.Report!.Segments, s => s.Voxels > 0);
        var seg = Path.Combine(outcome.OutputFolder!, SeriesProcessor.SegFileName);
        var dciodvfy = ExternalTool.Run("dciodvfy", [seg]);
        var errors = dciodvfy.Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));

        using var grey = new ThresholdModel(size: 32);
        var refused = Assert.Single((await new BatchProcessor(new FakeModelProvider(grey), NullLogger<BatchProcessor>.Instance)
            .RunAsync(request with { OutputDirectory = Path.Combine(colour.Root, "grey"), Pipeline = new PipelineDefinition { Model = "threshold" } })).Series);
        Assert.Equal(SeriesStatus.Failed, refused.Status);
        Assert.Contains("colour (YBR_FULL) but model 'threshold' takes grey input", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, grey.Calls);
    }
}
