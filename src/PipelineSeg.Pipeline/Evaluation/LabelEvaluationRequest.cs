namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>What to evaluate: prediction and ground truth paths (NIfTI, DICOM-SEG or DICOM mask series) and options.</summary>
public sealed record LabelEvaluationRequest(string Prediction, string GroundTruth)
{
    /// <summary>Resample the prediction onto the ground-truth grid (nearest neighbour) when the grids differ.</summary>
    public bool Resample { get; init; }

    /// <summary>Also report overlap metrics per slice.</summary>
    public bool PerSlice { get; init; }

    /// <summary>Compute HD, HD95 and ASSD.</summary>
    public bool SurfaceDistances { get; init; } = true;

    /// <summary>Report label 0 too (it is still left out of the averages).</summary>
    public bool IncludeBackground { get; init; }

    /// <summary>Compare as binary masks: any non-zero voxel is foreground on both sides.</summary>
    public bool Binary { get; init; }

    /// <summary>Compare only this prediction label, with the same ground-truth label or a two-valued ground truth's foreground.</summary>
    public int? Label { get; init; }
}
