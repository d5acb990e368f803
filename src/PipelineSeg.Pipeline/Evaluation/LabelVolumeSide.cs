using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>The ground-truth side of a pairing: its label map, the non-zero values in it, and its own masks.</summary>
internal sealed record LabelVolumeSide(LabelVolume Volume, IReadOnlyList<int> Values)
{
    /// <summary>The merged label map.</summary>
    public Volume<byte> Labels => Volume.Labels;

    /// <summary>A label map (exclusive labels) rather than a SEG's own masks.</summary>
    public bool IsLabelMap => Volume.SegmentMasks is null;

    /// <summary>The mask of one label or SEG segment.</summary>
    public Volume<byte> MaskOf(int label) => Volume.MaskOf(label);

    /// <summary>The segment's name where the source has one.</summary>
    public string? NameOf(int label) => Volume.SegmentNames.GetValueOrDefault(label);
}
