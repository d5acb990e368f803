using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Plugins.Shared;

/// <summary>
/// The part of a model family's entry type that is the same for every family on the builtin engine: the
/// <see cref="INetworkFactory"/> members, taken from the family's description, and the frame of <see cref="CreateModel"/>
/// (builtin backend only, the thread budget, the file with role "weights", eval mode, the network disposed on failure).
/// A family says what it checks and builds (<see cref="Build"/>) and how it wraps the loaded network (<see cref="Wrap"/>).
/// Compiled into each family plugin from plugins/Shared: the contract names no engine and the engine names no contract,
/// so no shared assembly may hold a type that names both.
/// </summary>
/// <param name="family">The family name (<see cref="INetworkFactory.Family"/>).</param>
/// <param name="presets">The presets it builds, default first.</param>
/// <param name="describe">What the network built from given parameters takes and gives.</param>
/// <param name="create">Builds that network with fresh weights.</param>
/// <param name="title">The family as messages name it, e.g. <c>U-Net</c>.</param>
/// <param name="outputs">The output kinds its models may declare.</param>
public abstract class BuiltinFamilyPlugin(string family, IReadOnlyList<string> presets, Func<NetworkParameters, NetworkDescription> describe,
    Func<NetworkParameters, Module> create, string title, params OutputKind[] outputs) : ISegmentationModelPlugin, INetworkFactory
{
    /// <inheritdoc />
    public string Family => family;

    /// <inheritdoc />
    public IReadOnlyList<string> Presets => presets;

    /// <inheritdoc />
    public NetworkDescription Describe(NetworkParameters parameters) => describe(parameters);

    /// <inheritdoc />
    public Module CreateNetwork(NetworkParameters parameters) => create(parameters);

    /// <inheritdoc />
    public ISegmentationModel CreateModel(ModelManifest model, ModelCreationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        if (!ExecutionBackends.IsBuiltin(model.Backend))
        {
            throw new NotSupportedException($"model '{model.Id}': the {title} plugin builds networks on the builtin engine, not on backend '{model.Backend}'");
        }
        if (!outputs.Contains(model.Output.Kind))
        {
            throw new NotSupportedException($"model '{model.Id}': the {title} plugin gives {string.Join(" or ", outputs.Select(k => k.ToString().ToLowerInvariant()))}, "
                + $"not {model.Output.Kind.ToString().ToLowerInvariant()}");
        }
        var network = Build(model);
        try
        {
            ApplyThreads(context.MaxThreads);
            var weights = model.FindFile("weights") ?? throw new InvalidOperationException($"model '{model.Id}' lists no file with role 'weights'");
            cancellationToken.ThrowIfCancellationRequested();
            network.LoadWeights(context.ResolveFile(weights.Path));
            network.Eval();
            return Wrap(model, network, context);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>Checks that the family can serve <paramref name="model"/> (channels, sizes; its output kind is one the family gives) and builds its network with fresh weights.</summary>
    /// <exception cref="NotSupportedException">The family does not give what the entry asks for; the message says why.</exception>
    /// <exception cref="ArgumentException">The network and the entry disagree (channels, sizes); the message names both.</exception>
    protected abstract Module Build(ModelManifest model);

    /// <summary>The model behind the contract around <paramref name="network"/> (weights loaded, eval mode; owned from here on unless this throws).</summary>
    protected abstract ISegmentationModel Wrap(ModelManifest model, Module network, ModelCreationContext context);

    /// <summary>
    /// Inference:MaxThreads reaches the engine here: kernel threading is process-wide and the host shares the engine with
    /// every family plugin, so the budget holds for every builtin model. 0 leaves the engine's default (all cores).
    /// </summary>
    private static void ApplyThreads(int maxThreads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxThreads);
        if (maxThreads > 0)
        {
            KernelThreading.MaxThreads = maxThreads;
        }
    }
}
