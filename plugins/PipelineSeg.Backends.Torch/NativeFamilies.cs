using PipelineSeg.Backends.Torch.Families;
using PipelineSeg.Plugins.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch;

/// <summary>
/// The native model families rebuilt as TorchSharp modules from the family plugin's own state dict (the file with role
/// <c>weights</c>), so a native plugin's model runs on LibTorch — and on CUDA — without an exported graph.
/// </summary>
internal static class NativeFamilies
{
    /// <summary>Families (and presets) with a TorchSharp build.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["unet (preset pipelineseg)"];

    /// <summary>The network of <paramref name="model"/>, or null when its family has no TorchSharp build.</summary>
    /// <exception cref="InvalidDataException">The state dict does not fit the architecture (keys named).</exception>
    public static TorchNetwork? Create(ModelManifest model, ModelCreationContext context, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var weights = model.FindFile("weights");
        var preset = model.Parameters.GetValueOrDefault("preset", "pipelineseg");
        if (model.Family != "unet" || preset != "pipelineseg" || weights is null || !weights.Path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var unet = new TorchUNet(model.Input.Channels, model.Output.Channels, model.GetInt32("baseWidth", 32), model.GetInt32("depth", 4));
        try
        {
            Load(model, unet, context.ResolveFile(weights.Path));
            unet.to(device);
            unet.eval();
            var probabilities = model.Output.Kind == OutputKind.Probabilities;
            return new TorchNetwork(unet, x => probabilities ? unet.call(x).softmax(1) : unet.call(x), $"TorchSharp U-Net from {Path.GetFileName(weights.Path)}");
        }
        catch
        {
            unet.Dispose();
            throw;
        }
    }

    private static string Show(long[] shape) => "[" + string.Join(", ", shape) + "]";

    private static void Load(ModelManifest model, nn.Module unet, string path)
    {
        var state = SafeTensorsReader.Read(path);
        try
        {
            // Checked by name and shape first (LibTorch would stop at the first mis-shaped tensor with a bare size message).
            var own = unet.state_dict();
            var absent = own.Keys.Where(k => !state.ContainsKey(k) && !k.EndsWith(".num_batches_tracked", StringComparison.Ordinal)).ToList();
            var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
            var misShaped = own.Where(p => state.TryGetValue(p.Key, out var t) && !t.shape.SequenceEqual(p.Value.shape))
                .Select(p => $"{p.Key} {Show(state[p.Key].shape)} for {Show(p.Value.shape)}").ToList();
            if (absent.Count > 0 || unexpected.Count > 0 || misShaped.Count > 0)
            {
                throw new InvalidDataException($"model '{model.Id}': {Path.GetFileName(path)} does not fit the U-Net of its parameters: "
                    + $"missing [{string.Join(", ", absent)}], unexpected [{string.Join(", ", unexpected)}], mis-shaped [{string.Join(", ", misShaped)}]");
            }
            unet.load_state_dict(state, strict: false);
        }
        finally
        {
            foreach (var t in state.Values)
            {
                t.Dispose();
            }
        }
    }
}
