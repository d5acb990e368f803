using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;
using PipelineSeg.Pipeline.Models;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// The versions a job records: the pipeline version is PipelineSeg's version plus a hash of the pipeline's settings
/// (a changed threshold is a new version); the model version names each model's manifest and plugin version.
/// </summary>
internal sealed class PipelineVersions(IOptions<PipelinesOptions> pipelines, IOptions<InferenceOptions> inference, IModelProvider models)
{
    private static readonly string HostVersion = typeof(PipelineVersions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <summary>The versions of pipeline <paramref name="pipelineName"/> (the default pipeline when empty).</summary>
    /// <exception cref="KeyNotFoundException">The pipeline is not defined.</exception>
    public async Task<JobVersions> ForAsync(string? pipelineName, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(pipelineName) ? inference.Value.DefaultPipeline : pipelineName;
        if (!pipelines.Value.Definitions.TryGetValue(name, out var definition))
        {
            throw new KeyNotFoundException($"pipeline '{name}' is not defined");
        }
        var settings = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(definition)));
        var available = await models.ListAsync(cancellationToken).ConfigureAwait(false);
        var modelVersions = definition.ModelIds.Select(id => available.FirstOrDefault(m => string.Equals(m.Model.Id, id, StringComparison.Ordinal)) is { } m
            ? $"{id} {m.Model.Version} ({m.PluginId} {m.PluginVersion})"
            : $"{id} (not installed)");
        return new JobVersions(name, $"{HostVersion}+{Convert.ToHexStringLower(settings.AsSpan(0, 4))}", string.Join(", ", modelVersions));
    }
}
