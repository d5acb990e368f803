using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Outputs.Writers;

namespace PipelineSeg.Host.Composition;

/// <summary>Builds a <see cref="BatchRequest"/> from the validated options, for a CLI batch or a watched-folder job.</summary>
internal sealed class BatchRequestFactory(IOptions<PipelinesOptions> pipelines, IOptions<InferenceOptions> inference, IOptions<OutputOptions> output,
    ResultWriterCatalog writers)
{
    /// <summary>
    /// The request; throws <see cref="KeyNotFoundException"/> naming the defined pipelines when <paramref name="pipelineName"/>
    /// is unknown, or naming the output when one of <paramref name="outputs"/> (<c>--outputs</c>; null: the pipeline's
    /// <c>Outputs</c>, else seg) is unknown or not installed.
    /// </summary>
    public BatchRequest Create(string input, string outputDirectory, string? pipelineName, IReadOnlyList<string>? outputs = null)
    {
        var name = string.IsNullOrWhiteSpace(pipelineName) ? inference.Value.DefaultPipeline : pipelineName;
        if (!pipelines.Value.Definitions.TryGetValue(name, out var definition))
        {
            throw new KeyNotFoundException($"pipeline '{name}' is not defined (defined: {string.Join(", ", pipelines.Value.Definitions.Keys)})");
        }
        var (writeSeg, resultWriters) = outputs is not null
            ? writers.Resolve(outputs, "--outputs")
            : writers.Resolve(definition.Outputs.Count > 0 ? definition.Outputs : OutputNames.Default, $"Pipelines:{name}:Outputs");
        return new BatchRequest
        {
            InputDirectory = Path.GetFullPath(input),
            OutputDirectory = Path.GetFullPath(outputDirectory),
            PipelineName = name,
            Pipeline = definition,
            SlicesPerBatch = inference.Value.EffectiveSlicesPerBatch,
            WriteReport = output.Value.WriteReport,
            EmptySegments = output.Value.EmptySegments,
            SegCompression = output.Value.SegCompression,
            WriteSeg = writeSeg,
            ResultWriters = resultWriters,
            QuarantineFolder = output.Value.QuarantineFolder,
            CopyQuarantinedFiles = output.Value.CopyQuarantinedFiles,
        };
    }
}
