using PipelineSeg.Pipeline.Definitions;

namespace PipelineSeg.Host.Options;

/// <summary>The named pipeline definitions (section <c>Pipelines</c>), e.g. <c>Pipelines:liver</c>.</summary>
public sealed class PipelinesOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Pipelines";

    /// <summary>Definitions by name (case-insensitive).</summary>
    public Dictionary<string, PipelineDefinition> Definitions { get; } = new(StringComparer.OrdinalIgnoreCase);
}
