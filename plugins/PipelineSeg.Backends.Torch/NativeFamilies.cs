using PipelineSeg.Backends.Torch.Families;
using PipelineSeg.Plugins.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch;

/// <summary>
/// The native model families rebuilt as TorchSharp modules from the family plugin's own state dict (the file with role
/// <c>weights</c>), so a native plugin's model runs on LibTorch — and on CUDA — without an exported graph. Each family is
/// one <see cref="INativeFamilyBuilder"/> under Families/; this class only picks the builder and loads the weights.
/// </summary>
internal static class NativeFamilies
{
    private static readonly INativeFamilyBuilder[] Builders = [.. typeof(NativeFamilies).Assembly.GetTypes()
        .Where(t => typeof(INativeFamilyBuilder).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (INativeFamilyBuilder)Activator.CreateInstance(t)!)
        .OrderBy(b => b.Supports, StringComparer.Ordinal)];

    /// <summary>Families (and presets) with a TorchSharp build.</summary>
    public static IReadOnlyList<string> Supported { get; } = [.. Builders.Select(b => b.Supports)];

    /// <summary>The network of <paramref name="model"/>, or null when its family has no TorchSharp build.</summary>
    /// <exception cref="InvalidDataException">The state dict does not fit the architecture (keys named).</exception>
    public static TorchNetwork? Create(ModelManifest model, ModelCreationContext context, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var weights = model.FindFile("weights");
        var builder = Builders.FirstOrDefault(b => b.Accepts(model));
        if (builder is null || weights is null || !weights.Path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var network = builder.Build(model);
        try
        {
            StateDictLoader.Load(model, network, context.ResolveFile(weights.Path));
            network.Module.to(device);
            network.Module.eval();
            return new TorchNetwork(network.Module, x => network.Output(network.Module.call(x)),
                $"TorchSharp {network.Architecture} from {Path.GetFileName(weights.Path)}");
        }
        catch
        {
            network.Module.Dispose();
            throw;
        }
    }
}
