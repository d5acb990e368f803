namespace PipelineSeg.Plugins.Abstractions;

/// <summary>A closed interval [Min, Max] of a measured figure (mm, mL…).</summary>
public sealed class ValueRange
{
    /// <summary>Smallest accepted value.</summary>
    public required double Min { get; init; }

    /// <summary>Largest accepted value.</summary>
    public required double Max { get; init; }

    /// <summary>True when <paramref name="value"/> lies in [Min, Max].</summary>
    public bool Contains(double value) => value >= Min && value <= Max;

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"{Min:0.###}–{Max:0.###}");
}
