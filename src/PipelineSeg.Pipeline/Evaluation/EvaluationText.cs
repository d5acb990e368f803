using System.Globalization;
using System.Text;

namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>A human-readable table of an evaluation result.</summary>
public static class EvaluationText
{
    /// <summary>One line per segment plus the mean.</summary>
    public static string Format(LabelEvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"prediction:   {result.Prediction}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"ground truth: {result.GroundTruth}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"grid {result.Size} voxels, spacing {result.Spacing} mm, prediction grid {Describe(result.Alignment)}");
        sb.AppendLine("label name             Dice     IoU      Sens     Spec     Prec     HD(mm)   HD95(mm) ASSD(mm) RVD");
        foreach (var s in result.Report.Segments)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{s.Label,5} {Trim(s.Name),-16} {F(s.Dice)} {F(s.IoU)} {F(s.Sensitivity)} {F(s.Specificity)} {F(s.Precision)} {F(s.Hausdorff)} {F(s.Hausdorff95)} {F(s.AverageSymmetricSurfaceDistance)} {F(s.RelativeVolumeDifference)}");
        }
        var m = result.Report.Mean;
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"{"mean",5} {"(labels " + string.Join(',', m.Labels) + ")",-16} {F(m.Dice)} {F(m.IoU)} {F(m.Sensitivity)} {F(m.Specificity)} {F(m.Precision)} {F(m.Hausdorff)} {F(m.Hausdorff95)} {F(m.AverageSymmetricSurfaceDistance)}");
        foreach (var note in result.Notes)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"note: {note}");
        }
        return sb.ToString();
    }

    /// <summary>Soft Jaccard and one line per threshold.</summary>
    public static string Format(ProbabilityEvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"probability map: {result.Prediction}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"ground truth:    {result.GroundTruth} (label {result.Label}), map grid {Describe(result.Alignment)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"soft Jaccard:    {F(result.SoftJaccard)}");
        sb.AppendLine("threshold Dice     IoU      Sens     Spec     Prec     HD(mm)   HD95(mm) ASSD(mm)");
        foreach (var (t, s) in result.Sweep)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{t,9:0.###} {F(s.Dice)} {F(s.IoU)} {F(s.Sensitivity)} {F(s.Specificity)} {F(s.Precision)} {F(s.Hausdorff)} {F(s.Hausdorff95)} {F(s.AverageSymmetricSurfaceDistance)}");
        }
        return sb.ToString();
    }

    /// <summary>"same", "reoriented" (exact reordering) or "resampled".</summary>
    public static string Describe(GridRelation relation) => relation switch
    {
        GridRelation.Same => "same",
        GridRelation.Reoriented => "reoriented",
        _ => "resampled",
    };

    /// <summary>"labels", "binary" or "label".</summary>
    public static string Describe(LabelComparison comparison) => comparison switch
    {
        LabelComparison.Binary => "binary",
        LabelComparison.SingleLabel => "label",
        _ => "labels",
    };

    private static string Trim(string? name) => name is null ? "-" : name.Length <= 16 ? name : name[..16];

    private static string F(double? v) => v is { } x ? x.ToString("0.0000", CultureInfo.InvariantCulture).PadRight(8) : "n/a     ";
}
