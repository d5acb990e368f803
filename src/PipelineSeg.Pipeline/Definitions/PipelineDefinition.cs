using PipelineSeg.Pipeline.Applicability;

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

    /// <summary>A pixel gets a foreground class when that class is the most probable and at least this probable.</summary>
    public double Threshold { get; set; } = 0.5;

    /// <summary>
    /// Class labels treated together as one organ of which only the largest connected component is kept
    /// (e.g. liver and lesion: lesions outside the liver are false positives). Empty: no filtering.
    /// </summary>
    public List<string> KeepLargestComponentOf { get; } = [];

    /// <summary>Connected components of a foreground class smaller than this (ml) are removed.</summary>
    public double MinimumComponentMl { get; set; }

    /// <summary>Modalities this pipeline accepts; other series are reported and skipped.</summary>
    public List<string> Modalities { get; } = [];

    /// <summary>Series Description of the DICOM-SEG written.</summary>
    public string SeriesDescription { get; set; } = "PipelineSeg segmentation";

    /// <summary>SEG encoding: Binary (default, segments may overlap) or LabelMap (Label Map Segmentation; no overlaps).</summary>
    public Outputs.SegEncoding SegEncoding { get; set; } = Outputs.SegEncoding.Binary;

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
        if (Threshold is <= 0 or >= 1 || double.IsNaN(Threshold))
        {
            errors.Add($"Pipelines:{name}:Threshold must be between 0 and 1 (exclusive), got {Threshold}");
        }
        if (MinimumComponentMl < 0 || double.IsNaN(MinimumComponentMl))
        {
            errors.Add($"Pipelines:{name}:MinimumComponentMl must be ≥ 0, got {MinimumComponentMl}");
        }
        if (string.IsNullOrWhiteSpace(SeriesDescription) || SeriesDescription.Length > 64)
        {
            errors.Add($"Pipelines:{name}:SeriesDescription must be 1–64 characters (DICOM LO)");
        }
        errors.AddRange(Inference.Validate($"Pipelines:{name}:Inference"));
        errors.AddRange(Smoothing.Validate($"Pipelines:{name}:Smoothing"));
        if (MaxHistogramDistance is { } distance && (distance <= 0 || !double.IsFinite(distance)))
        {
            errors.Add($"Pipelines:{name}:MaxHistogramDistance must be positive, got {distance}");
        }
        return errors;
    }

    /// <summary>True when the pipeline accepts <paramref name="modality"/> (any, when <see cref="Modalities"/> is empty).</summary>
    public bool Accepts(string modality) =>
        Modalities.Count == 0 || Modalities.Contains(modality, StringComparer.OrdinalIgnoreCase);
}
