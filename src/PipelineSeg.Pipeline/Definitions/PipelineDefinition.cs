using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Outputs.Writers;

namespace PipelineSeg.Pipeline.Definitions;

/// <summary>
/// A named processing recipe from configuration (<c>Pipelines:&lt;name&gt;</c>): which model segments the series, how it is
/// run (<see cref="Inference"/>), smoothed (<see cref="Smoothing"/>) and how its output becomes a label map. The stages
/// are composed from it by <c>Stages.SlabPipelineFactory</c>.
/// </summary>
public sealed class PipelineDefinition
{
    /// <summary>Model id served by a loaded plugin (see <c>pipelineseg models</c>).</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>Single model, ensemble, Monte-Carlo dropout, test-time flips.</summary>
    public InferenceDefinition Inference { get; } = new();

    /// <summary>Smoothing of probabilities along z (none by default).</summary>
    public SmoothingDefinition Smoothing { get; } = new();

    /// <summary>Every model the pipeline runs: <see cref="Model"/>, then the ensemble members.</summary>
    public IReadOnlyList<string> ModelIds => [Model, .. Inference.EnsembleModels];

    /// <summary>
    /// A pixel gets a foreground class when that class is the most probable and at least this probable. Null: the model
    /// manifest's output.defaultThreshold, else 0.5. See <see cref="ThresholdFor"/>.
    /// </summary>
    public double? Threshold { get; set; }

    /// <summary>Thresholds per segment label (case-insensitive), before <see cref="Threshold"/>.</summary>
    public Dictionary<string, double> Thresholds { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Threshold used when neither configuration nor the manifest gives one.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>
    /// The threshold of segment <paramref name="label"/>: <see cref="Thresholds"/>[label], else <see cref="Threshold"/>,
    /// else <paramref name="manifestDefault"/> (the model's output.defaultThreshold), else <see cref="DefaultThreshold"/>.
    /// </summary>
    public double ThresholdFor(string label, double? manifestDefault) =>
        Thresholds.TryGetValue(label, out var own) ? own : Threshold ?? manifestDefault ?? DefaultThreshold;

    /// <summary>
    /// Class labels treated together as one organ of which only the largest connected component is kept
    /// (e.g. liver and lesion: lesions outside the liver are false positives). Empty: no filtering.
    /// </summary>
    public List<string> KeepLargestComponentOf { get; } = [];

    /// <summary>
    /// Also write probability.dcm: a FRACTIONAL (PROBABILITY) SEG of each segment's probability on the source grid, the
    /// smoothed probabilities the labels are decided from (off by default: one byte per voxel and segment).
    /// </summary>
    public bool WriteProbabilities { get; set; }

    /// <summary>Connected components of a foreground class smaller than this (ml) are removed.</summary>
    public double MinimumComponentMl { get; set; }

    /// <summary>
    /// Clean-up rules per segment label (case-insensitive), after <see cref="KeepLargestComponentOf"/>. A segment without
    /// an entry only loses components under <see cref="MinimumComponentMl"/>.
    /// </summary>
    public Dictionary<string, SegmentCleanupDefinition> Cleanup { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Modalities this pipeline accepts; other series are reported and skipped.</summary>
    public List<string> Modalities { get; } = [];

    /// <summary>Series Description of the DICOM-SEG written.</summary>
    public string SeriesDescription { get; set; } = "PipelineSeg segmentation";

    /// <summary>SEG encoding: Binary (default, segments may overlap) or LabelMap (Label Map Segmentation; no overlaps).</summary>
    public SegEncoding SegEncoding { get; set; } = SegEncoding.Binary;

    /// <summary>
    /// Result objects written per series, by name (<see cref="OutputNames"/>: seg, rtstruct, overlay, nifti, html);
    /// empty means seg only. <c>batch --outputs</c> overrides it.
    /// </summary>
    public List<string> Outputs { get; } = [];

    /// <summary>What happens to a series or result outside the model card: pass, warn (default) or refuse (docs/model-card.md).</summary>
    public ApplicabilityPolicy Applicability { get; set; } = ApplicabilityPolicy.Warn;

    /// <summary>Overrides the model card's largest histogram distance (Wasserstein-1, normalised intensity); null keeps the card's.</summary>
    public double? MaxHistogramDistance { get; set; }

    /// <summary>Problems that make the definition unusable, each naming the field; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string name)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Model))
        {
            errors.Add($"Pipelines:{name}:Model is required");
        }
        if (Threshold is { } threshold && !IsProbability(threshold))
        {
            errors.Add($"Pipelines:{name}:Threshold must be between 0 and 1 (exclusive), got {threshold}");
        }
        foreach (var (segment, value) in Thresholds.Where(t => !IsProbability(t.Value)))
        {
            errors.Add($"Pipelines:{name}:Thresholds:{segment} must be between 0 and 1 (exclusive), got {value}");
        }
        if (MinimumComponentMl < 0 || double.IsNaN(MinimumComponentMl))
        {
            errors.Add($"Pipelines:{name}:MinimumComponentMl must be ≥ 0, got {MinimumComponentMl}");
        }
        if (string.IsNullOrWhiteSpace(SeriesDescription) || SeriesDescription.Length > 64)
        {
            errors.Add($"Pipelines:{name}:SeriesDescription must be 1–64 characters (DICOM LO)");
        }
        foreach (var (segment, rules) in Cleanup)
        {
            errors.AddRange(string.IsNullOrWhiteSpace(segment)
                ? [$"Pipelines:{name}:Cleanup has an entry without a segment label"]
                : rules.Validate($"Pipelines:{name}:Cleanup:{segment}"));
        }
        errors.AddRange(Inference.Validate($"Pipelines:{name}:Inference"));
        errors.AddRange(Smoothing.Validate($"Pipelines:{name}:Smoothing"));
        if (MaxHistogramDistance is { } distance && (distance <= 0 || !double.IsFinite(distance)))
        {
            errors.Add($"Pipelines:{name}:MaxHistogramDistance must be positive, got {distance}");
        }
        errors.AddRange(OutputNames.Validate(Outputs, $"Pipelines:{name}:Outputs"));
        return errors;
    }

    private static bool IsProbability(double value) => value is > 0 and < 1;

    /// <summary>True when the pipeline accepts <paramref name="modality"/> (any, when <see cref="Modalities"/> is empty).</summary>
    public bool Accepts(string modality) =>
        Modalities.Count == 0 || Modalities.Contains(modality, StringComparer.OrdinalIgnoreCase);
}
