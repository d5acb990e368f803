namespace PipelineSeg.Plugins.Abstractions;

/// <summary>A closed interval [Min, Max] of a count (e.g. connected components of a segment).</summary>
public sealed class CountRange
{
    /// <summary>Smallest accepted count.</summary>
    public required int Min { get; init; }

    /// <summary>Largest accepted count.</summary>
    public required int Max { get; init; }

    /// <summary>True when <paramref name="value"/> lies in [Min, Max].</summary>
    public bool Contains(int value) => value >= Min && value <= Max;

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"{Min}–{Max}");
}
