using PipelineSeg.Plugins.Abstractions;
using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch.Families;

/// <summary>Loads a family plugin's safetensors state dict into a rebuilt network, strictly, as the builtin engine does.</summary>
internal static class StateDictLoader
{
    /// <summary>Copies every tensor of <paramref name="path"/> into <paramref name="network"/>'s parameters and buffers.</summary>
    /// <exception cref="InvalidDataException">Keys are missing, unexpected or mis-shaped (each named).</exception>
    public static void Load(ModelManifest model, NativeNetwork network, string path)
    {
        var state = SafeTensorsReader.Read(path);
        try
        {
            // Checked by name and shape first (LibTorch would stop at the first mis-shaped tensor with a bare size message).
            var own = network.Module.state_dict();
            var absent = own.Keys.Where(k => !state.ContainsKey(k) && !k.EndsWith(".num_batches_tracked", StringComparison.Ordinal)).ToList();
            var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
            var misShaped = own.Where(p => state.TryGetValue(p.Key, out var t) && !t.shape.SequenceEqual(p.Value.shape))
                .Select(p => $"{p.Key} {Show(state[p.Key].shape)} for {Show(p.Value.shape)}").ToList();
            if (absent.Count > 0 || unexpected.Count > 0 || misShaped.Count > 0)
            {
                throw new InvalidDataException($"model '{model.Id}': {Path.GetFileName(path)} does not fit the {network.Architecture} of its parameters: "
                    + $"missing [{string.Join(", ", absent)}], unexpected [{string.Join(", ", unexpected)}], mis-shaped [{string.Join(", ", misShaped)}]");
            }
            network.Module.load_state_dict(state, strict: false);
        }
        finally
        {
            foreach (var t in state.Values)
            {
                t.Dispose();
            }
        }
    }

    private static string Show(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
