using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Dicom;
using PipelineSeg.Imaging;
using PipelineSeg.Phantoms.Series;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Sources;

/// <summary>
/// Gantry-tilted and non-uniformly spaced stacks are handled: every slice is segmented in its own plane (a 2-D model gives
/// the labels of the same pixels on a regular stack) and each SEG frame lies where its source slice lies.
/// </summary>
public sealed class IrregularStackTests : IDisposable
{
    // For each SEG frame: the distance between its Plane Position and the Image Position of the source image it derives from.
    private const string Script = """
import sys, glob, numpy as np, pydicom
seg = pydicom.dcmread(sys.argv[1])
source = {}
for path in glob.glob(sys.argv[2] + '/*.dcm'):
    ds = pydicom.dcmread(path, stop_before_pixels=True)
    source[ds.SOPInstanceUID] = np.array([float(v) for v in ds.ImagePositionPatient])
worst = 0.0
for item in seg.PerFrameFunctionalGroupsSequence:
    uid = item.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID
    p = np.array([float(v) for v in item.PlanePositionSequence[0].ImagePositionPatient])
    worst = max(worst, float(np.abs(p - source[uid]).max()))
print(len(seg.PerFrameFunctionalGroupsSequence), repr(worst))
""";

    private static readonly double TiltShift = 2 * Math.Tan(10 * Math.PI / 180);

    private readonly string _dir = TestPaths.NewTempDirectory("irregular");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public Task A_gantry_tilted_stack_is_segmented_slice_by_slice_and_its_seg_frames_lie_on_the_tilted_slices() =>
        SegmentedLikeARegularStack(z => new Vec3(0, z * TiltShift, z * 2.0), "gantry tilt 10");

    [SkippableFact]
    public Task A_non_uniformly_spaced_stack_is_segmented_slice_by_slice_and_its_seg_frames_keep_their_own_positions()
    {
        double[] z = [0, 2, 4, 5.2, 7.2, 9.2];
        return SegmentedLikeARegularStack(k => new Vec3(0, 0, z[k]), "non-uniform slice spacing");
    }

    private async Task SegmentedLikeARegularStack(Func<int, Vec3> position, string warning)
    {
        var irregular = await Write("irregular", position);
        var regular = await Write("regular", null);
        Assert.Contains(irregular.Warnings, w => w.Contains(warning, StringComparison.Ordinal));
        Assert.DoesNotContain(regular.Warnings, w => w.Contains(warning, StringComparison.Ordinal));
        var definition = new PipelineDefinition { Model = "threshold" };

        // 24 px: every slice is resized in its own (tilted or irregularly placed) plane and its labels come back onto it.
        using var model = new ThresholdModel(size: 24);
        var expected = await SlabPipelineFactory.Create(definition, [model], 4).RunAsync(new DicomVolumeSource(regular));
        var result = await SlabPipelineFactory.Create(definition, [model], 4).RunAsync(new DicomVolumeSource(irregular));

        Assert.Equal(expected.Labels.Array, result.Labels.Array);
        Assert.Contains((byte)1, result.Labels.Array);
        Assert.Contains((byte)2, result.Labels.Array);

        var input = Path.GetDirectoryName(irregular.Slices[0].FilePath)!;
        var request = new BatchRequest { InputDirectory = input, OutputDirectory = Path.Combine(_dir, "out"), PipelineName = "test", Pipeline = definition, SlicesPerBatch = 4 };
        var outcome = Assert.Single((await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(request)).Series);
        Assert.True(outcome.Status == SeriesStatus.Succeeded, outcome.Message);
        var seg = Path.Combine(outcome.OutputFolder!, SeriesProcessor.SegFileName);
        var errors = ExternalTool.Run("dciodvfy", [seg]).Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        var fields = ExternalTool.RunPython(Script, seg, input).Trim().Split(' ');
        Assert.True(int.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture) >= 6);
        Assert.InRange(double.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), 0, 1e-3);
    }

    /// <summary>Six 32×32 slices: a disc of 100 HU (liver band) around a 220 HU core (lesion), the same pixels whatever the positions.</summary>
    private async Task<DicomSeries> Write(string name, Func<int, Vec3>? position)
    {
        var folder = Path.Combine(_dir, name);
        var options = new SyntheticSeriesOptions
        {
            Size = new VolumeSize(32, 32, 6),
            Identity = SyntheticSeriesIdentity.Named($"{_dir}/{name}"),
            Geometry = VolumeGeometry.WithSpacing(1, 1, 2),
            SlicePosition = position,
        };
        SyntheticCtSeriesWriter.Write(options, new PixelPattern(32, (x, y, z) =>
        {
            var r2 = ((x - 16) * (x - 16)) + ((y - 16) * (y - 16));
            return (short)(r2 < 9 + z ? 220 : r2 < 64 + (4 * z) ? 100 : -1000);
        }), folder);
        return Assert.Single((await DicomSeriesScanner.ScanAsync(folder)).Volumes);
    }
}
