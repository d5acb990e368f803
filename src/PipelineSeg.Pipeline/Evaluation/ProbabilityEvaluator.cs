using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Imaging.Resampling;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>Evaluates a probability map (NIfTI, values in [0, 1]) against a ground-truth label: soft Jaccard and a threshold sweep.</summary>
public static class ProbabilityEvaluator
{
    /// <summary>Runs the sweep; grids are matched like <see cref="LabelEvaluator"/> (linear interpolation when resampling).</summary>
    public static async Task<ProbabilityEvaluationResult> EvaluateAsync(
        LabelEvaluationRequest request, int label, IReadOnlyList<double>? thresholds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Prediction.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) && !request.Prediction.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{request.Prediction}: a probability map must be a NIfTI file");
        }
        var truth = await LabelVolumeReader.ReadAsync(request.GroundTruth, null, cancellationToken).ConfigureAwait(false);
        var map = (await NiftiFile.ReadAsync(request.Prediction, cancellationToken).ConfigureAwait(false)).ToVolume<float>();
        var relation = GridAlignment.Compare(map, truth.Labels);
        var probability = relation switch
        {
            GridRelation.Same => map,
            GridRelation.Reoriented => Resampler.ResampleLike(map, truth.Labels, Interpolation.Nearest),
            _ when request.Resample => Resampler.ResampleLike(map, truth.Labels, Interpolation.Linear),
            _ => throw new GeometryMismatchException(
                $"probability map '{request.Prediction}' ({map.Size}, {map.Geometry}) and ground truth '{request.GroundTruth}' " +
                $"({truth.Labels.Size}, {truth.Labels.Geometry}) are on different voxel grids; pass --resample to resample the map (linear)"),
        };
        foreach (var p in probability.Span)
        {
            if (p is < 0 or > 1 || float.IsNaN(p))
            {
                throw new InvalidDataException($"{request.Prediction}: value {p} is not a probability in [0, 1]");
            }
        }
        if (label is < 1 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(label), $"label {label} is outside 1..255");
        }
        var soft = SoftJaccard.Compute(probability.Span, truth.Labels.Span, (byte)label);
        var sweep = await Task.Run(() => ThresholdSweep.Run(probability, truth.Labels, (byte)label, thresholds, request.SurfaceDistances), cancellationToken)
            .ConfigureAwait(false);
        return new ProbabilityEvaluationResult(request.Prediction, request.GroundTruth, label, relation, soft, sweep);
    }
}
