using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Composition;

/// <summary>Builds a <see cref="BatchRequest"/> from the validated options, for a CLI batch or a watched-folder job.</summary>
internal sealed class BatchRequestFactory(IOptions<PipelinesOptions> pipelines, IOptions<InferenceOptions> inference, IOptions<OutputOptions> output)
{
    /// <summary>The request; throws <see cref="KeyNotFoundException"/> naming the defined pipelines when <paramref name="pipelineName"/> is unknown.</summary>
    public BatchRequest Create(string input, string outputDirectory, string? pipelineName)
    {
        var name = string.IsNullOrWhiteSpace(pipelineName) ? inference.Value.DefaultPipeline : pipelineName;
        if (!pipelines.Value.Definitions.TryGetValue(name, out var definition))
        {
            throw new KeyNotFoundException($"pipeline '{name}' is not defined (defined: {string.Join(", ", pipelines.Value.Definitions.Keys)})");
        }
        return new BatchRequest
        {
            InputDirectory = Path.GetFullPath(input),
            OutputDirectory = Path.GetFullPath(outputDirectory),
            PipelineName = name,
            Pipeline = definition,
            SlicesPerBatch = inference.Value.SlicesPerBatch,
            WriteReport = output.Value.WriteReport,
            EmptySegments = output.Value.EmptySegments,
            SegCompression = output.Value.SegCompression,
            QuarantineFolder = output.Value.QuarantineFolder,
            CopyQuarantinedFiles = output.Value.CopyQuarantinedFiles,
        };
    }
}
