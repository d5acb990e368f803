namespace PipelineSeg.Jobs;

/// <summary>What the intake knows about a claimed input when it enqueues it. No field holds patient data.</summary>
/// <param name="DedupKey">
/// Identity of "this series through this pipeline version" (and model version when reprocessing on a new model is
/// configured): a second job with the same key is not created, so a series is processed once.
/// </param>
/// <param name="Origin">The watched folder the input came from (configuration, not patient data): its work/, done/ and failed/ hold the input.</param>
/// <param name="WorkName">Folder name of the input under <c>work/</c>, <c>done/</c> and <c>failed/</c> (a hash, never an input name).</param>
/// <param name="SeriesUidHash">Keyed hash of the SeriesInstanceUID(s) of the input.</param>
/// <param name="ContentHash">SHA-256 over the input's files (names relative to the input and bytes).</param>
/// <param name="Pipeline">Pipeline name.</param>
/// <param name="PipelineVersion">Version of the pipeline definition (and host) that processes it.</param>
/// <param name="ModelVersion">Model plugin name and version(s) the pipeline runs.</param>
public sealed record JobRequest(
    string DedupKey,
    string Origin,
    string WorkName,
    string SeriesUidHash,
    string ContentHash,
    string Pipeline,
    string PipelineVersion,
    string ModelVersion);
