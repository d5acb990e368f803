using System.Globalization;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Applicability;

/// <summary>The checks of a series against a model card before inference; pure functions of the facts and the sample.</summary>
public static class InputChecks
{
    /// <summary>Every input check the card asks for; a list the card leaves empty (or a null range) is not checked.</summary>
    /// <param name="facts">The series' attributes.</param>
    /// <param name="card">The model card.</param>
    /// <param name="sample">The intensity sample (null when the card has no histogram).</param>
    /// <param name="maxDistance">The histogram threshold (the card's, or the pipeline's override).</param>
    public static IReadOnlyList<ApplicabilityCheck> Evaluate(SeriesFacts facts, IntendedUse card, IntensitySample? sample, double? maxDistance)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(card);
        var checks = new List<ApplicabilityCheck>();
        if (card.Modalities.Count > 0)
        {
            checks.Add(OneOf("modality", facts.Modality, card.Modalities) with { Blocking = true });
        }
        if (card.BodyParts.Count > 0 || card.BodyPartCodes.Count > 0)
        {
            checks.Add(BodyPart(facts, card));
        }
        if (card.PatientPositions.Count > 0)
        {
            checks.Add(OneOf("patientPosition", facts.PatientPosition, card.PatientPositions));
        }
        if (card.Planes.Count > 0)
        {
            checks.Add(OneOf("plane", facts.Plane, card.Planes));
        }
        AddRange(checks, "inPlaneSpacing", facts.InPlaneSpacingMm, card.InPlaneSpacingMm, "mm");
        AddRange(checks, "sliceThickness", facts.SliceThicknessMm, card.SliceThicknessMm, "mm");
        AddRange(checks, "fieldOfView", facts.FieldOfViewMm, card.FieldOfViewMm, "mm");
        if (card.Intensity is { } histogram && sample is not null)
        {
            checks.Add(Histogram(histogram, sample, maxDistance ?? histogram.MaxDistance));
        }
        return checks;
    }

    /// <summary>The intensity check: Wasserstein-1 distance between the sample and the training histogram.</summary>
    public static ApplicabilityCheck Histogram(IntensityHistogram histogram, IntensitySample sample, double maxDistance)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentNullException.ThrowIfNull(sample);
        var expected = Invariant($"≤ {maxDistance:0.####}");
        if (sample.BodyVoxels == 0)
        {
            return new ApplicabilityCheck("intensityHistogram", null, "no body voxels", expected, CheckVerdict.Fail,
                Invariant($"intensity histogram: no voxel above {histogram.BodyThreshold:0.#} in {sample.SliceIndices.Count} sampled slices"));
        }
        var distance = HistogramDistance.Wasserstein1(sample.Frequencies, histogram.Frequencies, histogram.Max - histogram.Min);
        var pass = distance <= maxDistance;
        return new ApplicabilityCheck("intensityHistogram", null, Invariant($"{distance:0.####}"), expected,
            pass ? CheckVerdict.Pass : CheckVerdict.Fail,
            Invariant($"intensity histogram distance (Wasserstein-1, body voxels of {sample.SliceIndices.Count} slices) {distance:0.####} {(pass ? "≤" : ">")} {maxDistance:0.####}") +
            (pass ? string.Empty : ": the intensities are unlike the training data"));
    }

    private static ApplicabilityCheck BodyPart(SeriesFacts facts, IntendedUse card)
    {
        var accepted = card.BodyParts.Concat(card.BodyPartCodes.Select(c => $"{c.Scheme}:{c.Code}")).ToList();
        var expected = string.Join(", ", accepted);
        if (facts.BodyPart is null && facts.BodyPartCodes.Count == 0)
        {
            return new ApplicabilityCheck("bodyPart", null, "not stated", expected, CheckVerdict.Warn,
                $"body part: the series states none (Body Part Examined, Anatomic Region Sequence); the model is for {expected}");
        }
        var match = (facts.BodyPart is { } part && card.BodyParts.Contains(part, StringComparer.OrdinalIgnoreCase))
            || facts.BodyPartCodes.Any(c => accepted.Contains(c, StringComparer.OrdinalIgnoreCase));
        var figure = string.Join(", ", new[] { facts.BodyPart }.OfType<string>().Concat(facts.BodyPartCodes));
        return new ApplicabilityCheck("bodyPart", null, figure, expected, match ? CheckVerdict.Pass : CheckVerdict.Fail,
            match ? $"body part {figure} is one the model is for" : $"body part {figure} is not one the model is for ({expected})");
    }

    private static ApplicabilityCheck OneOf(string name, string? value, IReadOnlyList<string> accepted)
    {
        var expected = string.Join(", ", accepted);
        if (string.IsNullOrEmpty(value))
        {
            return new ApplicabilityCheck(name, null, "not stated", expected, CheckVerdict.Warn, $"{name}: the series states none; the model is for {expected}");
        }
        var pass = accepted.Contains(value, StringComparer.OrdinalIgnoreCase);
        return new ApplicabilityCheck(name, null, value, expected, pass ? CheckVerdict.Pass : CheckVerdict.Fail,
            pass ? $"{name} {value} is one the model is for" : $"{name} {value} is not one the model is for ({expected})");
    }

    private static void AddRange(List<ApplicabilityCheck> checks, string name, double? value, ValueRange? range, string unit)
    {
        if (range is null)
        {
            return;
        }
        var expected = $"{range} {unit}";
        if (value is not { } v)
        {
            checks.Add(new ApplicabilityCheck(name, null, "unknown", expected, CheckVerdict.Warn, $"{name}: unknown (the series has no geometry)"));
            return;
        }
        var pass = range.Contains(v);
        checks.Add(new ApplicabilityCheck(name, null, Invariant($"{v:0.##} {unit}"), expected, pass ? CheckVerdict.Pass : CheckVerdict.Fail,
            Invariant($"{name} {v:0.##} {unit} is {(pass ? "inside" : "outside")} the model's range {expected}")));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
