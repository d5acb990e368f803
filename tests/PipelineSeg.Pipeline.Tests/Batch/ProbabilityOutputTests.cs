using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Batch;

/// <summary>probability.dcm: the segmentation's own class probabilities as a FRACTIONAL SEG, only when the pipeline asks.</summary>
public sealed class ProbabilityOutputTests
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
print(ds.SegmentationType, ds.SegmentationFractionalType, ds.ContentLabel, n, len(ds.SegmentSequence), repr(err), float(a.max()))
""";

    [SkippableFact]
    public async Task WriteProbabilities_writes_probability_dcm_that_dciodvfy_accepts_and_pydicom_reads_within_1_255()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 5, size: 40, slices: 4);
        var definition = new PipelineDefinition { Model = "threshold", WriteProbabilities = true };
        var output = Path.Combine(phantom.Root, "out");
        using var model = new ThresholdModel(size: 32);
        var request = new BatchRequest { InputDirectory = phantom.Folder, OutputDirectory = output, PipelineName = "test", Pipeline = definition, SlicesPerBatch = 3 };

        var outcome = Assert.Single((await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(request)).Series);

        var path = Path.Combine(outcome.OutputFolder!, FractionalSegmentationOutput.ProbabilityFileName);
        Assert.True(File.Exists(path));
        Assert.False(File.Exists(Path.Combine(outcome.OutputFolder!, FractionalSegmentationOutput.UncertaintyFileName)));
        var dciodvfy = ExternalTool.Run("dciodvfy", [path]);
        var errors = dciodvfy.Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));

        // Direct computation: the same pipeline's probabilities, and they agree with its labels (p ≥ 0.5 where liver).
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(phantom.CtFolder)).Volumes);
        using var again = new ThresholdModel(size: 32);
        var result = await SlabPipelineFactory.Create(definition, [again], 3).RunAsync(new DicomVolumeSource(series));
        var expected = result.Probabilities!;
        Assert.Equal(["liver", "lesion"], expected.Select(m => m.Class.Label));
        for (var i = 0; i < result.Labels.Length; i++)
        {
            if (result.Labels.Array[i] == 1)
            {
                Assert.True(expected[0].Map.Array[i] >= 127, $"voxel {i}: liver label with probability {expected[0].Map.Array[i]}/255");
            }
        }
        var maps = Path.Combine(phantom.Root, "maps.u8");
        var uids = Path.Combine(phantom.Root, "uids.json");
        await File.WriteAllBytesAsync(maps, [.. expected.SelectMany(m => m.Map.Array)]);
        await File.WriteAllTextAsync(uids, JsonSerializer.Serialize(series.Slices.Select(s => s.SopInstanceUid)));
        var fields = ExternalTool.RunPython(Script, path, maps, uids).Trim().Split(' ');

        Assert.Equal(["FRACTIONAL", "PROBABILITY", "PROBABILITY"], fields[..3]);
        Assert.True(int.Parse(fields[3], CultureInfo.InvariantCulture) > 0);
        Assert.Equal("2", fields[4]);
        Assert.InRange(double.Parse(fields[5], CultureInfo.InvariantCulture), 0.0, 1.0 / 255);
        Assert.InRange(double.Parse(fields[6], CultureInfo.InvariantCulture), 0.5, 1.0);
    }

    [SkippableFact]
    public async Task Without_the_setting_no_probabilities_are_kept()
    {
        var hu = SyntheticVolumes.Blocks(n: 24, depth: 2);
        using var model = new ThresholdModel(16);
        var result = await SlabPipelineFactory.Create(new PipelineDefinition { Model = "threshold" }, [model], 2).RunAsync(new InMemoryVolumeSource(hu));
        Assert.Null(result.Probabilities);
    }
}
