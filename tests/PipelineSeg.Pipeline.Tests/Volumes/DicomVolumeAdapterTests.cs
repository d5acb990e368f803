using PipelineSeg.Dicom;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Volumes;

public sealed class DicomVolumeAdapterTests
{
    [SkippableFact]
    public void Geometry_converts_both_ways_without_loss()
    {
        var dicom = new DicomGeometry(new DicomVector3(-100, 50.5, 7), new DicomVector3(0.7, 0.8, 2.5), new DicomVector3(1, 0, 0),
            new DicomVector3(0, 0, -1), new DicomVector3(0, 1, 0), 4, 3, 2);

        var volume = new Volume<byte>(DicomVolumeAdapter.SizeOf(dicom), DicomVolumeAdapter.ToVolumeGeometry(dicom));
        var back = DicomVolumeAdapter.ToDicomGeometry(volume);

        Assert.Equal(new VolumeSize(4, 3, 2), volume.Size);
        Assert.Equal(dicom, back);
        Assert.Equal(new Vec3(-100, 53, 7), volume.Geometry.IndexToWorld(0, 0, 1)); // slice direction × slice spacing
    }

    [SkippableFact]
    public void A_class_mask_includes_the_classes_it_contains()
    {
        SegmentClass[] classes =
        [
            new() { Index = 0, Label = "background", IsBackground = true },
            new() { Index = 1, Label = "liver", Contains = ["Lesion"] },
            new() { Index = 2, Label = "lesion" },
        ];
        var labels = new Volume<byte>(new VolumeSize(3, 1, 1), null, [0, 1, 2]);

        var masks = DicomVolumeAdapter.ClassMasks(labels, classes);

        Assert.Equal(["liver", "lesion"], masks.Select(m => m.Class.Label));
        Assert.Equal([0, 1, 1], masks[0].Mask.Array);
        Assert.Equal([0, 0, 1], masks[1].Mask.Array);
    }
}
