using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Models;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Models;

public sealed class PipelineModelsTests
{
    [SkippableFact]
    public async Task Creates_the_model_then_the_ensemble_members_and_disposes_them_together()
    {
        var provider = new ModelsById(new ThresholdModel(id: "a"), new ThresholdModel(id: "b"));
        var definition = new PipelineDefinition { Model = "b" };
        definition.Inference.EnsembleModels.Add("a");

        var set = await PipelineModels.CreateAsync(provider, definition);
        Assert.Equal(["b", "a"], set.Models.Select(m => m.Manifest.Id));
        set.Dispose();
        Assert.All(provider.Created, m => Assert.True(m.Disposed));
    }

    [SkippableFact]
    public async Task A_missing_member_disposes_the_models_already_created()
    {
        var provider = new ModelsById(new ThresholdModel(id: "a"));
        var definition = new PipelineDefinition { Model = "a" };
        definition.Inference.EnsembleModels.Add("missing");

        await Assert.ThrowsAsync<KeyNotFoundException>(() => PipelineModels.CreateAsync(provider, definition));
        Assert.True(Assert.Single(provider.Created).Disposed);
    }

    private sealed class ModelsById(params ThresholdModel[] models) : IModelProvider
    {
        public List<ThresholdModel> Created { get; } = [];

        public Task<IReadOnlyList<AvailableModel>> ListAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AvailableModel>>([.. models.Select(m => new AvailableModel(m.Manifest, "fake", "1", "/fake"))]);

        public Task<IReadOnlyList<string>> FailuresAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<string>>([]);

        public Task<ISegmentationModel> CreateAsync(string modelId, CancellationToken cancellationToken = default)
        {
            var model = models.FirstOrDefault(m => m.Manifest.Id == modelId) ?? throw new KeyNotFoundException(modelId);
            Created.Add(model);
            return Task.FromResult<ISegmentationModel>(model);
        }
    }
}
