using PipelineSeg.Comparison.Datasets;
using PipelineSeg.Comparison.Tests.Support;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Nifti;

namespace PipelineSeg.Comparison.Tests.Datasets;

/// <summary>NIfTI pairs: one 3-D case per file name, the image's own geometry, mask labels, and unpaired files named.</summary>
public sealed class NiftiPairTests
{
    [SkippableFact]
    public async Task Pairs_by_file_name_keep_the_geometry_and_take_the_listed_labels()
    {
        using var dir = new ScratchFolder();
        Directory.CreateDirectory(dir.File("images"));
        Directory.CreateDirectory(dir.File("masks"));
        var geometry = VolumeGeometry.WithSpacing(0.7, 0.7, 2.5);
        var image = new Volume<float>(new VolumeSize(6, 5, 4), geometry);
        image.Span.Fill(-100);
        var labels = new Volume<byte>(image.Size, geometry);
        labels[1, 1, 1] = 1;
        labels[2, 1, 1] = 2;
        labels[3, 1, 1] = 3;
        NiftiFile.Write(dir.File("images/case-a.nii.gz"), image);
        NiftiFile.Write(dir.File("masks/case-a.nii.gz"), labels);
        await File.WriteAllTextAsync(dir.File("dataset.json"), """
            { "format": "nifti", "splits": { "test": { "images": "images", "masks": "masks" } }, "maskLabels": [1, 2] }
            """);
        var description = await DatasetDescriptionReader.ReadAsync(dir.File("dataset.json"));
        var cases = new List<LabelledCase>();
        await foreach (var c in LabelledDataset.ReadAsync(description, "test"))
        {
            cases.Add(c);
        }
        var single = Assert.Single(cases);
        Assert.False(single.Planar);
        Assert.Equal("case-a.nii.gz", single.Id);
        Assert.Equal(2.5, single.Image.Geometry.Spacing.Z, 6);
        Assert.Equal(-100f, single.Image[0, 0, 0]);
        Assert.Equal(2, single.Truth.Span.ToArray().Count(v => v == 1));

        NiftiFile.Write(dir.File("images/case-b.nii.gz"), image);
        var unpaired = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in LabelledDataset.ReadAsync(description, "test"))
            {
            }
        });
        Assert.Contains("no mask named like image(s) case-b.nii.gz", unpaired.Message, StringComparison.Ordinal);
    }
}
