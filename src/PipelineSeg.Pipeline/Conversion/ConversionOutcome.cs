namespace PipelineSeg.Pipeline.Conversion;

/// <summary>What happened to one series during conversion.</summary>
/// <param name="Series">Identifier-free description of the series.</param>
/// <param name="OutputPath">The written file, or null when the series failed.</param>
/// <param name="Error">Why the series was not converted, or null.</param>
public sealed record ConversionOutcome(string Series, string? OutputPath, string? Error)
{
    /// <summary>True when a file was written.</summary>
    public bool Succeeded => OutputPath is not null;
}
