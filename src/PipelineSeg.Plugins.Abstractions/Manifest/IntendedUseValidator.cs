namespace PipelineSeg.Plugins.Abstractions;

/// <summary>Checks of a model card; every problem names its field, e.g. "models[0].intendedUse.inPlaneSpacingMm: min &gt; max".</summary>
internal static class IntendedUseValidator
{
    private static readonly string[] KnownPlanes = ["axial", "coronal", "sagittal"];

    /// <summary>Adds the problems of <paramref name="model"/>'s card (listed at <paramref name="index"/>) to <paramref name="problems"/>.</summary>
    public static void Validate(ModelManifest model, int index, List<string> problems)
    {
        if (model.IntendedUse is not { } card)
        {
            return;
        }
        var at = $"models[{index}].intendedUse";
        Require(problems, !string.IsNullOrWhiteSpace(card.Summary), $"{at}.summary: is empty");
        NoBlanks(problems, card.Modalities, $"{at}.modalities");
        NoBlanks(problems, card.BodyParts, $"{at}.bodyParts");
        NoBlanks(problems, card.PatientPositions, $"{at}.patientPositions");
        for (var i = 0; i < card.Planes.Count; i++)
        {
            Require(problems, KnownPlanes.Contains(card.Planes[i], StringComparer.OrdinalIgnoreCase),
                $"{at}.planes[{i}]: '{card.Planes[i]}' is not one of {string.Join(", ", KnownPlanes)}");
        }
        Range(problems, card.InPlaneSpacingMm, $"{at}.inPlaneSpacingMm", positive: true);
        Range(problems, card.SliceThicknessMm, $"{at}.sliceThicknessMm", positive: true);
        Range(problems, card.FieldOfViewMm, $"{at}.fieldOfViewMm", positive: true);
        if (card.Intensity is { } histogram)
        {
            Histogram(problems, histogram, $"{at}.intensity");
        }
        if (card.TrainingData is { } data)
        {
            Require(problems, !string.IsNullOrWhiteSpace(data.Name), $"{at}.trainingData.name: is empty");
            Require(problems, !string.IsNullOrWhiteSpace(data.Licence), $"{at}.trainingData.licence: is empty");
            Require(problems, data.Cases > 0, $"{at}.trainingData.cases: must be positive, got {data.Cases}");
        }
        for (var i = 0; i < card.Validation.Count; i++)
        {
            var figure = card.Validation[i];
            Require(problems, double.IsFinite(figure.Value), $"{at}.validation[{i}].value: is not a finite number");
            Require(problems, HasClass(model, figure.Segment), $"{at}.validation[{i}].segment: '{figure.Segment}' is not an output class");
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < card.Segments.Count; i++)
        {
            var segment = card.Segments[i];
            var field = $"{at}.segments[{i}]";
            Require(problems, HasClass(model, segment.Label), $"{field}.label: '{segment.Label}' is not a foreground output class");
            Require(problems, seen.Add(segment.Label ?? string.Empty), $"{field}.label: '{segment.Label}' appears twice");
            Range(problems, segment.VolumeMl, $"{field}.volumeMl", positive: false);
            if (segment.Components is { } components)
            {
                Require(problems, components.Min >= 0, $"{field}.components: min must be ≥ 0");
                Require(problems, components.Min <= components.Max, $"{field}.components: min > max");
            }
            Require(problems, !segment.AlwaysPresent || segment.Components is null || segment.Components.Max > 0,
                $"{field}.alwaysPresent: contradicts components max 0");
        }
    }

    private static void Histogram(List<string> problems, IntensityHistogram histogram, string at)
    {
        Require(problems, double.IsFinite(histogram.Min) && double.IsFinite(histogram.Max) && histogram.Min < histogram.Max,
            $"{at}: min must be below max");
        Require(problems, double.IsFinite(histogram.BodyThreshold), $"{at}.bodyThreshold: is not a finite number");
        Require(problems, histogram.MaxDistance > 0 && double.IsFinite(histogram.MaxDistance), $"{at}.maxDistance: must be positive");
        var frequencies = histogram.Frequencies ?? [];
        Require(problems, frequencies.Count >= 2, $"{at}.frequencies: needs at least 2 bins, got {frequencies.Count}");
        Require(problems, frequencies.All(f => f >= 0 && double.IsFinite(f)), $"{at}.frequencies: must be finite and ≥ 0");
        var sum = frequencies.Sum();
        Require(problems, Math.Abs(sum - 1) <= 1e-3, FormattableString.Invariant($"{at}.frequencies: must sum to 1, got {sum:0.######}"));
    }

    private static void Range(List<string> problems, ValueRange? range, string at, bool positive)
    {
        if (range is null)
        {
            return;
        }
        Require(problems, double.IsFinite(range.Min) && double.IsFinite(range.Max), $"{at}: min and max must be finite");
        Require(problems, range.Min <= range.Max, $"{at}: min > max");
        Require(problems, !positive || range.Min > 0, $"{at}: min must be positive");
        Require(problems, positive || range.Min >= 0, $"{at}: min must be ≥ 0");
    }

    private static void NoBlanks(List<string> problems, IReadOnlyList<string> values, string at)
    {
        for (var i = 0; i < values.Count; i++)
        {
            Require(problems, !string.IsNullOrWhiteSpace(values[i]), $"{at}[{i}]: is empty");
        }
    }

    private static bool HasClass(ModelManifest model, string? label) =>
        model.Output?.Classes?.Any(c => !c.IsBackground && string.Equals(c.Label, label, StringComparison.OrdinalIgnoreCase)) == true;

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
