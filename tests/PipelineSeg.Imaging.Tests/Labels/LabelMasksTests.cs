using PipelineSeg.Imaging.Labels;

namespace PipelineSeg.Imaging.Tests.Labels;

public sealed class LabelMasksTests
{
    [SkippableFact]
    public void Splits_by_a_set_of_values_and_merges_back_with_the_highest_label_on_top()
    {
        var labels = new Volume<byte>(new VolumeSize(4, 1, 1), null, [0, 1, 2, 3]);

        var liverWithLesion = LabelMasks.Of(labels, [1, 2]);
        var lesion = LabelMasks.Of(labels, 2);

        Assert.Equal([0, 1, 1, 0], liverWithLesion.Array);
        Assert.Equal([0, 0, 1, 0], lesion.Array);
        Assert.Equal([0, 1, 2, 0], LabelMasks.Merge(labels, [(2, lesion), (1, liverWithLesion)]).Array);
        Assert.Equal([0, 1, 2, 3], LabelMasks.Present(labels));
    }

    [SkippableFact]
    public void Foreground_table_takes_every_non_zero_value()
    {
        var mask = new byte[3];
        LabelMasks.Split([0, 7, 255], LabelMasks.Foreground(), mask);
        Assert.Equal([0, 1, 1], mask);
    }
}
