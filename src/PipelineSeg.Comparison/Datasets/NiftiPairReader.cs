using System.Runtime.CompilerServices;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Pipeline.Evaluation;

namespace PipelineSeg.Comparison.Datasets;

/// <summary>3-D cases from two folders of NIfTI volumes paired by file name (image values per <see cref="StoredIntensity"/>).</summary>
internal static class NiftiPairReader
{
    public static async IAsyncEnumerable<LabelledCase> ReadAsync(DatasetDescription description, SplitSource split,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (imageFolder, maskFolder) = (description.Resolve(split.Images), description.Resolve(split.Masks!));
        foreach (var folder in new[] { imageFolder, maskFolder })
        {
            if (!Directory.Exists(folder))
            {
                throw new InvalidDataException($"{folder}: no such folder ({description.Source})");
            }
        }
        var images = NiftiFiles(imageFolder);
        if (images.Count == 0)
        {
            throw new InvalidDataException($"{imageFolder}: no .nii or .nii.gz file");
        }
        var unpaired = images.Where(f => !File.Exists(Path.Combine(maskFolder, Path.GetFileName(f)))).Select(Path.GetFileName).ToList();
        if (unpaired.Count > 0)
        {
            throw new InvalidDataException($"{maskFolder}: no mask named like image(s) {string.Join(", ", unpaired)}");
        }
        foreach (var file in images)
        {
            var maskFile = Path.Combine(maskFolder, Path.GetFileName(file));
            var image = (await NiftiFile.ReadAsync(file, cancellationToken).ConfigureAwait(false)).ToVolume<float>();
            var mask = (await NiftiFile.ReadAsync(maskFile, cancellationToken).ConfigureAwait(false)).ToVolume<float>();
            if (image.Size != mask.Size || GridAlignment.Compare(mask, image) != GridRelation.Same)
            {
                throw new InvalidDataException($"{maskFile}: grid {mask.Size} {mask.Geometry} differs from its image {file}: {image.Size} {image.Geometry}");
            }
            description.Intensity.ToModality(image.Span);
            yield return new LabelledCase(Path.GetFileName(file), image, MaskRule.Apply(description, mask.Span, image.Size, image.Geometry), Planar: false);
        }
    }

    private static List<string> NiftiFiles(string folder) =>
        [.. Directory.GetFiles(folder)
            .Where(f => f.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
}
