using PipelineSeg.Imaging;

namespace PipelineSeg.Pipeline.Volumes;

/// <summary>A label volume read from a NIfTI file, a DICOM-SEG or a DICOM mask series.</summary>
/// <param name="Labels">Voxel labels (0 = background).</param>
/// <param name="SegmentNames">Names per label where the source has them (SEG segment labels).</param>
/// <param name="Kind">"nifti", "dicom-seg" or "dicom-mask".</param>
/// <param name="Source">The path it was read from.</param>
public sealed record LabelVolume(Volume<byte> Labels, IReadOnlyDictionary<int, string> SegmentNames, string Kind, string Source);
