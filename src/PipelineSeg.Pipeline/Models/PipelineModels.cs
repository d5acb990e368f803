using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Models;

/// <summary>The models one pipeline runs (its model, then ensemble members), created once per batch; disposing disposes them.</summary>
public sealed class PipelineModels : IDisposable
{
    private PipelineModels(IReadOnlyList<ISegmentationModel> models) => Models = models;

    /// <summary>The models in <see cref="PipelineDefinition.ModelIds"/> order.</summary>
    public IReadOnlyList<ISegmentationModel> Models { get; }

    /// <summary>Creates every model of <paramref name="definition"/>; on failure the ones already created are disposed.</summary>
    public static async Task<PipelineModels> CreateAsync(IModelProvider provider, PipelineDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(definition);
        var models = new List<ISegmentationModel>();
        try
        {
            foreach (var id in definition.ModelIds)
            {
                models.Add(await provider.CreateAsync(id, cancellationToken).ConfigureAwait(false));
            }
            return new PipelineModels(models);
        }
        catch
        {
            models.ForEach(m => m.Dispose());
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var model in Models)
        {
            model.Dispose();
        }
    }
}
