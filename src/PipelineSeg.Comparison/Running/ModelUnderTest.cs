using PipelineSeg.Pipeline.Definitions;

namespace PipelineSeg.Comparison.Running;

/// <summary>A model as <c>compare</c> runs it: its name in the tables and the pipeline definition the service would run it with.</summary>
public sealed record ModelUnderTest(string Name, PipelineDefinition Definition);
