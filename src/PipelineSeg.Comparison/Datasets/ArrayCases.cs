using System.Globalization;
using PipelineSeg.Imaging;

namespace PipelineSeg.Comparison.Datasets;

/// <summary>The 2-D cases of paired image and mask stacks (npy or HDF5): slice n of one is case n, with slice n of the other as ground truth.</summary>
internal static class ArrayCases
{
    public static IEnumerable<LabelledCase> Of(DatasetDescription description, SliceStack images, SliceStack masks)
    {
        if (images.Count != masks.Count || images.Height != masks.Height || images.Width != masks.Width)
        {
            throw new InvalidDataException(
                $"{masks.Source}: {masks.Count} masks of {masks.Height}×{masks.Width} do not pair with {images.Source}: {images.Count} images of {images.Height}×{images.Width}");
        }
        var spacing = description.PixelSpacingMm ?? [1.0, 1.0];
        var geometry = VolumeGeometry.WithSpacing(spacing[0], spacing[1], 1.0);
        var size = new VolumeSize(images.Width, images.Height, 1);
        var name = Path.GetFileName(images.Source);
        for (var n = 0; n < images.Count; n++)
        {
            var image = new Volume<float>(size, geometry, images.Slice(n).ToArray());
            description.Intensity.ToModality(image.Span);
            var truth = MaskRule.Apply(description, masks.Slice(n), size, geometry);
            yield return new LabelledCase(string.Create(CultureInfo.InvariantCulture, $"{name}[{n}]"), image, truth, Planar: true);
        }
    }
}
