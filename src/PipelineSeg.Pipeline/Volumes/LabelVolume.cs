using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Labels;

namespace PipelineSeg.Pipeline.Volumes;

/// <summary>A label volume read from a NIfTI file, a DICOM-SEG or a DICOM mask series.</summary>
/// <param name="Labels">Voxel labels (0 = background); for a SEG the highest segment number present at each voxel.</param>
/// <param name="SegmentNames">Names per label where the source has them (SEG segment labels).</param>
/// <param name="Kind">"nifti", "dicom-seg" or "dicom-mask".</param>
/// <param name="Source">The path it was read from.</param>
public sealed record LabelVolume(Volume<byte> Labels, IReadOnlyDictionary<int, string> SegmentNames, string Kind, string Source)
{
    /// <summary>
    /// A SEG's own segment masks by segment number (segments may overlap, e.g. a liver that contains its lesions);
    /// null for label maps, whose labels are exclusive.
    /// </summary>
    public IReadOnlyDictionary<int, Volume<byte>>? SegmentMasks { get; init; }

    /// <summary>The 0/1 mask of <paramref name="label"/>: the SEG segment itself, or the voxels of that label value.</summary>
    public Volume<byte> MaskOf(int label) =>
        SegmentMasks is not null && SegmentMasks.TryGetValue(label, out var mask)
            ? mask
            : LabelMasks.Of(Labels, (byte)label);

    /// <summary>The labels this volume declares: a SEG's segments, or the non-zero values present in a label map.</summary>
    public IReadOnlyList<int> DeclaredLabels() =>
        SegmentMasks is not null ? [.. SegmentMasks.Keys.Order()] : [.. LabelMasks.Present(Labels).Where(l => l != 0)];
}
