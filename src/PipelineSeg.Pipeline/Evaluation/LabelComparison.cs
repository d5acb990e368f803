namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>How the two label sources were paired.</summary>
public enum LabelComparison
{
    /// <summary>Label value with the same label value (or SEG segment with the same segment number).</summary>
    Labels,

    /// <summary>Any non-zero voxel is foreground on both sides (asked with --binary, or both sides are two-valued with different values).</summary>
    Binary,

    /// <summary>One prediction label with the same ground-truth label, or with the ground truth's foreground when that is two-valued (--label).</summary>
    SingleLabel,
}
