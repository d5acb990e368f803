using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Pipeline.Evaluation;
using PipelineSeg.Pipeline.GroundTruth;
using PipelineSeg.Pipeline.Intake;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Tests.GroundTruth;

/// <summary>A Label Map Segmentation Storage object is accepted wherever a SEG is: intake, ground-truth index, reader, evaluate.</summary>
public sealed class LabelMapSegTests
{
    [SkippableFact]
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

    [SkippableFact]
    public async Task A_LABELMAP_SEG_is_read_with_exclusive_segments_and_scored_against_a_BINARY_SEG()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 6, size: 48, slices: 6);
        var binary = Path.Combine(phantom.Folder, "ground-truth", "labels.seg.dcm");
        var labelMap = Path.Combine(phantom.Root, "labelmap.seg.dcm");
        var seg = SegmentationReader.Read(binary);
        var slices = seg.Frames.Count / 2; // frames: segment 1 on every slice, then segment 2 on every slice
        var plane = seg.Rows * seg.Columns;
        var pixels = new byte[slices * plane];
        for (var f = 0; f < seg.Frames.Count; f++)
        {
            var values = seg.FrameValues(f);
            var target = pixels.AsSpan((f % slices) * plane, plane);
            for (var i = 0; i < plane; i++)
            {
                if (values[i] != 0)
                {
                    target[i] = (byte)seg.Frames[f].SegmentNumber; // lesion (2) overwrites liver (1)
                }
            }
        }
        using (var file = DicomFile.Open(binary, DicomReadOptions.Full))
        {
            var ds = file.Dataset;
            ds.SetString(DicomTags.SOPClassUID, DicomVR.UI, SopClasses.LabelMapSegmentationStorage);
            ds.SetString(DicomTags.SegmentationType, DicomVR.CS, "LABELMAP");
            ds.SetUInt16(DicomTags.BitsAllocated, 8);
            ds.SetUInt16(DicomTags.BitsStored, 8);
            ds.SetUInt16(DicomTags.HighBit, 7);
            ds.SetIntegerString(DicomTags.NumberOfFrames, slices);
            ds.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, [.. ds.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence).Take(slices)]);
            ds.SetBytes(DicomTags.PixelData, DicomVR.OB, pixels);
            DicomWriter.WriteFile(labelMap, ds);
        }

        var result = await LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(labelMap, binary));

        // a label map cannot overlap: its liver is the BINARY liver minus the lesions
        var liver = result.Report.Segments.Single(s => s.Label == 1);
        var lesion = result.Report.Segments.Single(s => s.Label == 2);
        Assert.True(lesion.GroundTruthVoxels > 0);
        Assert.Equal(1.0, lesion.Dice);
        Assert.Equal(liver.GroundTruthVoxels - lesion.GroundTruthVoxels, liver.PredictedVoxels);
        Assert.Equal(1.0, liver.Precision);
    }
}
