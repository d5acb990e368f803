namespace PipelineSeg.Comparison.Datasets;

/// <summary>
/// What the stored image values are (dataset.json <c>intensity</c>), so that every case reaches the pipeline as modality
/// values (HU), exactly as a DICOM series does, and each model applies its own window: <c>hu</c> (stored values are HU,
/// the default), or <c>scaled</c> (values were mapped linearly from HU [<see cref="Min"/>, <see cref="Max"/>] to [0, 1]:
/// HU = Min + v · (Max − Min)).
/// </summary>
public sealed class StoredIntensity
{
    /// <summary><c>hu</c> or <c>scaled</c>.</summary>
    public string Kind { get; init; } = Hu;

    /// <summary>HU that 0 stands for (<c>scaled</c>).</summary>
    public double Min { get; init; }

    /// <summary>HU that 1 stands for (<c>scaled</c>).</summary>
    public double Max { get; init; } = 1;

    /// <summary>Values are HU.</summary>
    public const string Hu = "hu";

    /// <summary>Values are [0, 1] from a linear HU window.</summary>
    public const string Scaled = "scaled";

    /// <summary>Problems with the settings, each naming the field.</summary>
    public IEnumerable<string> Validate()
    {
        if (Kind is not (Hu or Scaled))
        {
            yield return $"intensity.kind must be '{Hu}' or '{Scaled}', got '{Kind}'";
        }
        if (Kind == Scaled && !(Max > Min))
        {
            yield return $"intensity.max ({Max}) must be greater than intensity.min ({Min})";
        }
    }

    /// <summary>Turns stored values into modality values (HU) in place.</summary>
    public void ToModality(Span<float> values)
    {
        if (Kind != Scaled)
        {
            return;
        }
        var (min, range) = (Min, Max - Min);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(min + (values[i] * range));
        }
    }
}
