using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>A model offered by a loaded plugin, with the plugin that runs it.</summary>
/// <param name="Model">The model's manifest entry.</param>
/// <param name="Plugin">The plugin whose manifest lists it (its folder holds the model's files).</param>
public sealed record ModelRegistration(ModelManifest Model, LoadedPlugin Plugin)
{
    /// <summary>The plugin providing <see cref="ModelManifest.Backend"/>; null for the builtin engine (the family plugin builds the model).</summary>
    public LoadedPlugin? Backend { get; init; }

    /// <summary>Device handed to <see cref="Backend"/> (<see cref="PluginCatalog.Place"/>); the builtin engine runs on the CPU.</summary>
    public ExecutionDevice Device { get; init; } = ExecutionDevice.Cpu;

    /// <summary>Precision handed to <see cref="Backend"/>; the builtin engine computes in float32.</summary>
    public ExecutionPrecision Precision { get; init; } = ExecutionPrecision.Fp32;

    /// <summary>Creates a ready-to-run instance on the model's execution backend; the caller disposes it.</summary>
    public ISegmentationModel Create(int maxThreads = 0, CancellationToken cancellationToken = default) => Backend is null
        ? Plugin.CreateModel(Model, maxThreads, cancellationToken)
        : Backend.CreateModelOnBackend(Model, Plugin, new ModelCreationContext(Plugin.Directory, maxThreads) { Device = Device, Precision = Precision }, cancellationToken);
}
