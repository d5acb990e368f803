namespace PipelineSeg.Pipeline.Routing;

/// <summary>An inclusive slice thickness range in millimetres; a missing bound is open.</summary>
public sealed class ThicknessRange
{
    /// <summary>Smallest accepted thickness (mm), inclusive.</summary>
    public double? Min { get; set; }

    /// <summary>Largest accepted thickness (mm), inclusive.</summary>
    public double? Max { get; set; }

    /// <summary>True when <paramref name="mm"/> lies within the bounds.</summary>
    public bool Contains(double mm) => (Min is not { } lo || mm >= lo) && (Max is not { } hi || mm <= hi);

    /// <inheritdoc />
    public override string ToString() => $"[{Min?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) ?? "-inf"}, "
        + $"{Max?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) ?? "+inf"}] mm";
}
