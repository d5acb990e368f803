using System.Globalization;
using PipelineSeg.Dicom;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;
using AbstractionsConcept = PipelineSeg.Plugins.Abstractions.CodedConcept;

namespace PipelineSeg.Pipeline.Tests.Outputs;

/// <summary>The FRACTIONAL (PROBABILITY, 8-bit) SEG from float maps, checked with dciodvfy and pydicom.</summary>
public sealed class FractionalSegmentationOutputTests
{
    private static readonly SegmentClass Liver = new() { Index = 1, Label = "liver", Color = [221, 130, 101], Category = new AbstractionsConcept("123037004", "SCT", "Anatomical Structure"), Type = new AbstractionsConcept("10200004", "SCT", "Liver") };
    private static readonly SegmentClass Lesion = new() { Index = 2, Label = "lesion", Category = new AbstractionsConcept("49755003", "SCT", "Morphologically Altered Structure"), Type = new AbstractionsConcept("108369006", "SCT", "Neoplasm") };

    private static ModelManifest Model => new()
    {
        Id = "test",
        Name = "Test model",
        Version = "1.0",
        Family = "test",
        Input = new ModelInputSpec { Width = 32, Height = 32 },
        Output = new ModelOutputSpec { Classes = [new SegmentClass { Index = 0, Label = "background", IsBackground = true }, Liver, Lesion] },
    };

    // Frames are matched to source slices by the instance they derive from; values compared as fractions of 255.
    private const string Script = """
import sys, json, numpy as np, pydicom
ds = pydicom.dcmread(sys.argv[1])
uids = json.load(open(sys.argv[3]))
n = int(ds.NumberOfFrames)
a = ds.pixel_array.reshape(n, ds.Rows, ds.Columns).astype(np.float64) / float(ds.MaximumFractionalValue)
maps = np.fromfile(sys.argv[2], dtype='<f4').reshape(-1, len(uids), ds.Rows, ds.Columns)
err = 0.0
for f, item in enumerate(ds.PerFrameFunctionalGroupsSequence):
    s = int(item.SegmentIdentificationSequence[0].ReferencedSegmentNumber) - 1
    z = uids.index(item.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID)
    err = max(err, float(np.abs(a[f] - np.clip(np.nan_to_num(maps[s, z]), 0, 1)).max()))
labs = sum(1 for s in ds.SegmentSequence if 'RecommendedDisplayCIELabValue' in s)
print(ds.SegmentationType, ds.SegmentationFractionalType, int(ds.MaximumFractionalValue), int(ds.BitsAllocated), n, len(ds.SegmentSequence), labs, repr(err))
""";

    [SkippableFact]
    public async Task Float_maps_are_written_as_an_8_bit_PROBABILITY_SEG_that_dciodvfy_accepts_and_pydicom_reads_within_1_255()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 10, size: 40, slices: 5);
        var scan = await DicomSeriesScanner.ScanAsync(phantom.CtFolder);
        var series = Assert.Single(scan.Volumes);
        var size = DicomVolumeAdapter.SizeOf(series.Geometry!);
        var grid = DicomVolumeAdapter.ToVolumeGeometry(series.Geometry!);
        var rnd = new Random(3);
        Volume<float> Map() => new(size, grid, [.. Enumerable.Range(0, size.X * size.Y * size.Z).Select(i => i % 7 == 0 ? 0f : (float)rnd.NextDouble())]);
        var liver = Map();
        var lesion = Map();
        lesion.Span[1] = float.NaN;
        lesion.Span[2] = 1.5f; // clamped to 1
        var path = Path.Combine(phantom.Root, FractionalSegmentationOutput.ProbabilityFileName);

        var result = FractionalSegmentationOutput.Write(path, series, [(Liver, liver), (Lesion, lesion)], Model,
            new FractionalSegmentationContent("Test probabilities", "PROBABILITY"));

        Assert.Equal(2 * series.Slices.Count, result.NumberOfFrames);
        var dciodvfy = ExternalTool.Run("dciodvfy", [path]);
        var errors = dciodvfy.Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));

        var maps = Path.Combine(phantom.Root, "maps.f32");
        var uids = Path.Combine(phantom.Root, "uids.json");
        await File.WriteAllBytesAsync(maps, [.. System.Runtime.InteropServices.MemoryMarshal.AsBytes(liver.Span), .. System.Runtime.InteropServices.MemoryMarshal.AsBytes(lesion.Span)]);
        await File.WriteAllTextAsync(uids, System.Text.Json.JsonSerializer.Serialize(series.Slices.Select(s => s.SopInstanceUid)));
        var fields = ExternalTool.RunPython(Script, path, maps, uids).Trim().Split(' ');

        Assert.Equal(["FRACTIONAL", "PROBABILITY", "255", "8", $"{2 * series.Slices.Count}", "2", "2"], fields[..7]);
        Assert.InRange(double.Parse(fields[7], CultureInfo.InvariantCulture), 0.0, (0.5 / 255) + 1e-6); // rounding: half a step
    }
}
