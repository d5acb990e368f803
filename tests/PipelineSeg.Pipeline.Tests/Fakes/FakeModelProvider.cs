using PipelineSeg.Pipeline.Models;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Fakes;

/// <summary>Serves one fake model by id.</summary>
internal sealed class FakeModelProvider(ISegmentationModel model) : IModelProvider
{
    public Task<IReadOnlyList<AvailableModel>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AvailableModel>>([new AvailableModel(model.Manifest, "fake", "1.0.0", "/fake")]);

    public Task<IReadOnlyList<string>> FailuresAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<ISegmentationModel> CreateAsync(string modelId, CancellationToken cancellationToken = default) =>
        modelId == model.Manifest.Id
            ? Task.FromResult(model)
            : throw new KeyNotFoundException($"no plugin serves model '{modelId}'");
}
