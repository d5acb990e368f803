using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Dicom;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Batch;

/// <summary>uncertainty.dcm and the per-segment uncertainty figures in report.json, only with Monte-Carlo passes.</summary>
public sealed class UncertaintyOutputTests
{
    // Frames are matched to source slices by the instance they derive from; stored values compared as fractions of 255.
    private const string Script = """
import sys, json, numpy as np, pydicom
ds = pydicom.dcmread(sys.argv[1])
uids = json.load(open(sys.argv[3]))
n = int(ds.NumberOfFrames)
a = ds.pixel_array.reshape(n, ds.Rows, ds.Columns).astype(np.float64) / float(ds.MaximumFractionalValue)
maps = np.fromfile(sys.argv[2], dtype=np.uint8).reshape(-1, len(uids), ds.Rows, ds.Columns).astype(np.float64) / 255.0
err = 0.0
for f, item in enumerate(ds.PerFrameFunctionalGroupsSequence):
    s = int(item.SegmentIdentificationSequence[0].ReferencedSegmentNumber) - 1
    z = uids.index(item.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID)
    err = max(err, float(np.abs(a[f] - maps[s, z]).max()))
print(ds.SegmentationType, ds.SegmentationFractionalType, ds.ContentLabel, n, len(ds.SegmentSequence), repr(err))
""";

    [SkippableFact]
    public async Task Monte_Carlo_passes_write_uncertainty_dcm_that_dciodvfy_accepts_and_pydicom_reads_within_1_255()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 7, size: 40, slices: 5);
        var definition = new PipelineDefinition { Model = "threshold" };
        definition.Inference.MonteCarloSamples = 4;
        definition.Inference.MonteCarloSeed = 3;
        var output = Path.Combine(phantom.Root, "out");
        using var model = new ThresholdModel(size: 32, stochastic: true);
        var request = new BatchRequest { InputDirectory = phantom.Folder, OutputDirectory = output, PipelineName = "test", Pipeline = definition, SlicesPerBatch = 4 };

        var outcome = Assert.Single((await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(request)).Series);

        var path = Path.Combine(outcome.OutputFolder!, FractionalSegmentationOutput.UncertaintyFileName);
        Assert.True(File.Exists(path));
        var dciodvfy = ExternalTool.Run("dciodvfy", [path]);
        var errors = dciodvfy.Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));

        // The same pipeline run again (seeded passes) gives the maps the file must hold.
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(phantom.CtFolder)).Volumes);
        using var again = new ThresholdModel(size: 32, stochastic: true);
        var expected = (await SlabPipelineFactory.Create(definition, [again], 4).RunAsync(new DicomVolumeSource(series))).Spread!;
        var maps = Path.Combine(phantom.Root, "maps.u8");
        var uids = Path.Combine(phantom.Root, "uids.json");
        await File.WriteAllBytesAsync(maps, [.. expected.SelectMany(m => m.Map.Array)]);
        await File.WriteAllTextAsync(uids, JsonSerializer.Serialize(series.Slices.Select(s => s.SopInstanceUid)));
        var fields = ExternalTool.RunPython(Script, path, maps, uids).Trim().Split(' ');

        Assert.Equal(["FRACTIONAL", "PROBABILITY", "UNCERTAINTY"], fields[..3]);
        Assert.True(int.Parse(fields[3], CultureInfo.InvariantCulture) > 0);
        Assert.Equal("2", fields[4]);
        Assert.InRange(double.Parse(fields[5], CultureInfo.InvariantCulture), 0.0, 1.0 / 255);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outcome.OutputFolder!, SeriesProcessor.ReportFileName)));
        var liver = report.RootElement.GetProperty("segments").EnumerateArray().First(s => s.GetProperty("label").GetString() == "liver");
        Assert.InRange(liver.GetProperty(MetricKeys.MeanUncertainty).GetDouble(), 1e-3, 0.5);
        Assert.InRange(liver.GetProperty(MetricKeys.UncertainFraction).GetDouble(), 0.0, 1.0);
    }

    [SkippableFact]
    public async Task A_single_pass_writes_no_uncertainty_and_no_figures()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 7, size: 40, slices: 3);
        var output = Path.Combine(phantom.Root, "out");
        using var model = new ThresholdModel(size: 32, stochastic: true);
        var request = new BatchRequest { InputDirectory = phantom.Folder, OutputDirectory = output, PipelineName = "test", Pipeline = new PipelineDefinition { Model = "threshold" }, SlicesPerBatch = 4 };

        var outcome = Assert.Single((await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(request)).Series);

        Assert.False(File.Exists(Path.Combine(outcome.OutputFolder!, FractionalSegmentationOutput.UncertaintyFileName)));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outcome.OutputFolder!, SeriesProcessor.ReportFileName)));
        Assert.All(report.RootElement.GetProperty("segments").EnumerateArray(), s => Assert.False(s.TryGetProperty(MetricKeys.MeanUncertainty, out _)));
    }
}
