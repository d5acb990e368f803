using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Models;

/// <summary>Where the pipeline gets models from (the plugin catalog in production, fakes in tests).</summary>
public interface IModelProvider
{
    /// <summary>Every model that can be created, with the plugin serving it.</summary>
    Task<IReadOnlyList<AvailableModel>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Plugin folders that were refused and models refused when created, with reasons (for <c>models</c> and health).</summary>
    Task<IReadOnlyList<string>> FailuresAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a ready model; the caller disposes it.</summary>
    /// <exception cref="KeyNotFoundException">No plugin serves <paramref name="modelId"/>; the message lists the available ones.</exception>
    Task<ISegmentationModel> CreateAsync(string modelId, CancellationToken cancellationToken = default);
}
