namespace PipelineSeg.Pipeline.Outputs;

/// <summary>What the SEG does with a segment that has no voxel (setting <c>Output:EmptySegments</c>).</summary>
public enum EmptySegmentPolicy
{
    /// <summary>Write it (all frames empty): every class of the model is in every SEG.</summary>
    Keep,

    /// <summary>Leave it out; report.json names it under <c>segmentation.droppedEmptySegments</c>.</summary>
    Drop,
}
