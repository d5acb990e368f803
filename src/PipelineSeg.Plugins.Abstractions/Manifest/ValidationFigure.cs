namespace PipelineSeg.Plugins.Abstractions;

/// <summary>One figure measured on held-out data, e.g. liver Dice 0.93 on phantoms seeds 1–3.</summary>
public sealed class ValidationFigure
{
    /// <summary>Metric key (the report's vocabulary, e.g. <c>dice</c>).</summary>
    public required string Metric { get; init; }

    /// <summary>Segment label the figure is for.</summary>
    public required string Segment { get; init; }

    /// <summary>The value.</summary>
    public required double Value { get; init; }

    /// <summary>Where it was measured (data set, cases).</summary>
    public required string Dataset { get; init; }
}
