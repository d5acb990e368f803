namespace PipelineSeg.Pipeline.Definitions;

/// <summary>
/// 3-D clean-up of one segment's label (<c>Pipelines:&lt;name&gt;:Cleanup:&lt;segment label&gt;</c>), applied in this
/// order: keep the largest component, drop small or thin components, fill holes per slice.
/// </summary>
public sealed class SegmentCleanupDefinition
{
    /// <summary>Only the segment's largest 26-connected component is kept.</summary>
    public bool KeepLargestComponent { get; set; }

    /// <summary>Components smaller than this (ml) are dropped; null: the pipeline's <see cref="PipelineDefinition.MinimumComponentMl"/>.</summary>
    public double? MinimumComponentMl { get; set; }

    /// <summary>Components spanning fewer than this many slices are dropped (0 = off).</summary>
    public int MinimumSlices { get; set; }

    /// <summary>Background pixels enclosed by the segment within a slice (4-connected holes) take the segment; other segments stay.</summary>
    public bool FillHolesPerSlice { get; set; }

    /// <summary>Problems, each naming the field.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (MinimumComponentMl is { } ml && !(ml >= 0 && double.IsFinite(ml)))
        {
            yield return $"{prefix}:MinimumComponentMl must be ≥ 0, got {ml}";
        }
        if (MinimumSlices < 0)
        {
            yield return $"{prefix}:MinimumSlices must be ≥ 0, got {MinimumSlices}";
        }
    }
}
