namespace PipelineSeg.Host.Jobs;

/// <summary>What a job is processed with: pipeline name, pipeline version, model versions.</summary>
/// <param name="Pipeline">Pipeline name.</param>
/// <param name="PipelineVersion">PipelineSeg version and a hash of the pipeline's settings.</param>
/// <param name="ModelVersion">Each model's id, version and plugin version.</param>
internal sealed record JobVersions(string Pipeline, string PipelineVersion, string ModelVersion);
