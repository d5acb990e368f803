using PipelineSeg.Comparison.Running;
using PipelineSeg.Pipeline.Definitions;

namespace PipelineSeg.Host.Cli.Comparison;

/// <summary>
/// Turns <c>compare --models</c> entries into pipeline definitions. An entry is <c>[NAME=]SPEC</c>; SPEC is a pipeline
/// name from configuration (run as configured: ensemble, flips, Monte-Carlo, smoothing), a model id served by a plugin
/// (run alone, as a pipeline with defaults), or model ids joined by '+' (an equally weighted ensemble). NAME labels the
/// row (default: SPEC). A plugin trained elsewhere is a model id once <c>models new</c> has made its folder under <c>--plugins</c>.
/// </summary>
internal static class ModelSpecs
{
    /// <exception cref="FormatException">An entry names nothing known, or two entries share a name; the message lists what is known.</exception>
    public static IReadOnlyList<ModelUnderTest> Parse(string list, IReadOnlyDictionary<string, PipelineDefinition> pipelines, IReadOnlyCollection<string> modelIds)
    {
        var entries = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            throw new FormatException("--models: give at least one model");
        }
        var models = new List<ModelUnderTest>();
        foreach (var entry in entries)
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var (name, spec) = equals > 0 ? (entry[..equals].Trim(), entry[(equals + 1)..].Trim()) : (entry, entry);
            if (models.Any(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new FormatException($"--models: '{name}' appears twice; name entries NAME=SPEC");
            }
            models.Add(new ModelUnderTest(name, Resolve(spec, pipelines, modelIds)));
        }
        return models;
    }

    private static PipelineDefinition Resolve(string spec, IReadOnlyDictionary<string, PipelineDefinition> pipelines, IReadOnlyCollection<string> modelIds)
    {
        if (pipelines.TryGetValue(spec, out var configured))
        {
            return configured;
        }
        var members = spec.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = members.Where(m => !modelIds.Contains(m, StringComparer.OrdinalIgnoreCase)).ToList();
        if (members.Length == 0 || unknown.Count > 0)
        {
            throw new FormatException($"--models: '{string.Join("', '", unknown.DefaultIfEmpty(spec))}' is neither a pipeline ({string.Join(", ", pipelines.Keys)}) "
                + $"nor a model id ({(modelIds.Count == 0 ? "no plugin loaded" : string.Join(", ", modelIds))})");
        }
        var definition = new PipelineDefinition { Model = modelIds.First(id => string.Equals(id, members[0], StringComparison.OrdinalIgnoreCase)) };
        definition.Inference.EnsembleModels.AddRange(members.Skip(1).Select(m => modelIds.First(id => string.Equals(id, m, StringComparison.OrdinalIgnoreCase))));
        return definition;
    }
}
