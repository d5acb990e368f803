namespace PipelineSeg.Plugins.Abstractions;

/// <summary>The data a model was trained on.</summary>
public sealed class TrainingData
{
    /// <summary>Data set name.</summary>
    public required string Name { get; init; }

    /// <summary>Number of cases (series or volumes) used for training.</summary>
    public required int Cases { get; init; }

    /// <summary>Licence of the data.</summary>
    public required string Licence { get; init; }

    /// <summary>Optional details (how the cases were made or selected).</summary>
    public string? Description { get; init; }
}
