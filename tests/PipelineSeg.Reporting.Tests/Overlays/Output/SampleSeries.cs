using Microsoft.Extensions.Options;
using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Outputs.Writers;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Reporting.Overlays.Output;

namespace PipelineSeg.Reporting.Tests.Overlays.Output;

/// <summary>
/// The bundled phantom sample (samples/dicom/phantom-0001: 24 CT slices, 256², and its ground-truth SEG) as a writer
/// context: the ground truth stands in for the prediction, so the overlay has real anatomy and real labels.
/// </summary>
internal static class SampleSeries
{
    public static string CtFolder => TestPaths.Repo("samples", "dicom", "phantom-0001", "ct");

    public static string GroundTruthSeg => TestPaths.Repo("samples", "dicom", "phantom-0001", "ground-truth", "labels.seg.dcm");

    public static readonly ModelManifest Model = new()
    {
        Id = "liver-test",
        Name = "Liver test model",
        Version = "1.2.3",
        Family = "test",
        Input = new ModelInputSpec { Height = 256, Width = 256, Channels = 1, Intensity = new IntensityTransform { Kind = IntensityKind.Window, Center = 50, Width = 400 } },
        Output = new ModelOutputSpec
        {
            Classes =
            [
                new SegmentClass { Index = 0, Label = "background", IsBackground = true },
                new SegmentClass { Index = 1, Label = "liver", Color = [221, 130, 101] },
                new SegmentClass { Index = 2, Label = "lesion" },
            ],
        },
    };

    public static async Task<SeriesResultContext> ContextAsync(string folder)
    {
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(CtFolder)).Volumes);
        var grid = (await DicomVolumeLoader.LoadImageAsync(series)).CreateLike<byte>();
        var labels = (await LabelVolumeReader.ReadAsync(GroundTruthSeg, grid)).Labels;
        Directory.CreateDirectory(folder);
        var report = new SeriesReport("PipelineSeg test", DateTimeOffset.UtcNow,
            new ReportSeries(series.StudyInstanceUid, series.SeriesInstanceUid, series.Modality, series.SeriesNumber, series.Slices.Count, series.Rows, series.Columns, [1, 1, 1], [], series.Slices.Count),
            new ReportPipeline("liver", 0.5, [], 0), new ReportModel(Model.Id, Model.Name, Model.Version, Model.Family, 256, 256),
            null, [], new ReportTimings(0, 0, 0, 0, 0, 0), null);
        return new SeriesResultContext(series, labels, Model, "liver", new PipelineDefinition { Model = Model.Id }, report, folder);
    }

    public static OverlayResultWriter Writer(OverlaySliceSelection slices) =>
        new(Options.Create(new OverlayOutputOptions { Slices = slices, KeySliceCount = 4 }));
}
