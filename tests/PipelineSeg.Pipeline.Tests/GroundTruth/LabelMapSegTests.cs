using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Evaluation;
using PipelineSeg.Pipeline.GroundTruth;
using PipelineSeg.Pipeline.Intake;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Tests.GroundTruth;

/// <summary>A Label Map Segmentation Storage object is accepted wherever a SEG is: intake, ground-truth index, reader, evaluate.</summary>
public sealed class LabelMapSegTests
{
    [Fact]
    public async Task A_label_map_SEG_is_ground_truth_for_intake_the_index_the_reader_and_evaluate()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 5, size: 48, slices: 6);
        var labelMap = Path.Combine(phantom.Folder, "ground-truth", "labels.seg.dcm");
        var binary = Path.Combine(phantom.Root, "binary.seg.dcm"); // outside the scanned export
        File.Move(labelMap, binary);
        using (var file = DicomFile.Open(binary, DicomReadOptions.Full))
        {
            file.Dataset.SetString(DicomTags.SOPClassUID, DicomVR.UI, SopClasses.LabelMapSegmentationStorage);
            DicomWriter.WriteFile(labelMap, file.Dataset);
        }

        var scan = await SeriesIntake.ScanAsync(phantom.Folder);
        var segSeries = Assert.Single(scan.GroundTruth);
        Assert.Equal(SopClasses.LabelMapSegmentationStorage, segSeries.SopClassUid);
        var series = Assert.Single(scan.Candidates);
        var index = GroundTruthIndex.Build(scan.GroundTruth);
        Assert.Empty(index.Rejected);
        Assert.NotNull(index.For(series.SeriesInstanceUid));

        Assert.True(await LabelVolumeReader.IsSegmentationAsync(labelMap));
        var result = await LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(labelMap, binary));
        Assert.Equal([1, 2], result.Report.Segments.Select(s => s.Label));
        Assert.All(result.Report.Segments, s => Assert.Equal(1.0, s.Dice));
    }
}
