using System.Runtime.CompilerServices;
using PipelineSeg.Dicom;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Evaluation;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Comparison.Datasets;

/// <summary>
/// 3-D cases from DICOM: every subfolder of the images folder (or the folder itself when it holds the series) is one case
/// with one image series. Its ground truth is <c>masks/&lt;case&gt;</c> (a mask series folder or a DICOM-SEG) or
/// <c>masks/&lt;case&gt;.nii[.gz]</c>; without a masks folder, the DICOM-SEG inside the case folder.
/// Images are read as the service reads them (modality values after rescale).
/// </summary>
internal static class DicomCaseReader
{
    public static async IAsyncEnumerable<LabelledCase> ReadAsync(DatasetDescription description, SplitSource split,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var root = description.Resolve(split.Images);
        if (!Directory.Exists(root))
        {
            throw new InvalidDataException($"{root}: no such folder ({description.Source})");
        }
        var folders = Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToList();
        if (folders.Count == 0)
        {
            folders.Add(root);
        }
        var masks = split.Masks is { Length: > 0 } m ? description.Resolve(m) : null;
        foreach (var folder in folders)
        {
            yield return await ReadCaseAsync(description, folder, masks, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<LabelledCase> ReadCaseAsync(DatasetDescription description, string folder, string? masks, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(folder);
        var scan = await DicomSeriesScanner.ScanPathAsync(folder, cancellationToken).ConfigureAwait(false);
        var images = scan.Series.Where(s => s.Rows > 0 && !SopClasses.IsSegmentation(s.SopClassUid)).ToList();
        if (images.Count != 1)
        {
            throw new InvalidDataException($"{folder}: {images.Count} image series; a case folder holds exactly one");
        }
        var image = await DicomVolumeLoader.LoadImageAsync(images[0], cancellationToken).ConfigureAwait(false);
        var truthPath = masks is null ? SegIn(scan, folder) : MaskOf(masks, name);
        var grid = image.CreateLike<byte>();
        var truth = await LabelVolumeReader.ReadAsync(truthPath, grid, cancellationToken).ConfigureAwait(false);
        if (truth.Labels.Size != image.Size || GridAlignment.Compare(truth.Labels, image) != GridRelation.Same)
        {
            throw new InvalidDataException($"{truthPath}: ground truth grid {truth.Labels.Size} differs from the series in {folder} ({image.Size})");
        }
        return new LabelledCase(name, image, Foreground(description, truth, image), Planar: false);
    }

    // a SEG's segments may overlap (liver ⊇ lesion): listed labels are the union of their own masks
    private static Volume<byte> Foreground(DatasetDescription description, LabelVolume truth, Volume<float> image)
    {
        if (description.MaskLabels is { } labels && truth.SegmentMasks is not null)
        {
            var union = image.CreateLike<byte>();
            foreach (var mask in labels.Select(truth.MaskOf))
            {
                var source = mask.Span;
                var target = union.Span;
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] |= (byte)(source[i] != 0 ? 1 : 0);
                }
            }
            return union;
        }
        var values = truth.Labels.Span.ToArray().Select(v => (float)v).ToArray();
        return MaskRule.Apply(description, values, image.Size, image.Geometry);
    }

    private static string SegIn(DicomScanResult scan, string folder)
    {
        var segs = scan.Series.Where(s => SopClasses.IsSegmentation(s.SopClassUid)).ToList();
        return segs.Count == 1
            ? segs[0].Slices[0].FilePath
            : throw new InvalidDataException($"{folder}: {segs.Count} DICOM-SEG objects and no masks folder; give splits.<name>.masks or one SEG per case");
    }

    private static string MaskOf(string masks, string name)
    {
        foreach (var candidate in new[] { Path.Combine(masks, name), Path.Combine(masks, name + ".nii.gz"), Path.Combine(masks, name + ".nii") })
        {
            if (Directory.Exists(candidate) || File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidDataException($"{masks}: no ground truth for case '{name}' (looked for {name}/, {name}.nii.gz, {name}.nii)");
    }
}
