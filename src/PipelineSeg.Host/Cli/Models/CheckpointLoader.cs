using PipelineSeg.Nn;

namespace PipelineSeg.Host.Cli.Models;

/// <summary>Loads reference weights strictly, stripping the <c>module.</c> prefix nn.DataParallel checkpoints carry on every key.</summary>
internal static class CheckpointLoader
{
    private const string DataParallelPrefix = "module.";

    public static void Load(Module network, string path)
    {
        network.LoadWeights(path, strict: true, stripPrefix: AllKeysHavePrefix(path) ? DataParallelPrefix : null);
        network.Eval();
    }

    private static bool AllKeysHavePrefix(string path)
    {
        if (WeightsFormat.IsTorch(path))
        {
            using var torch = TorchCheckpointFile.Open(path);
            return torch.Keys.Count > 0 && torch.Keys.All(k => k.StartsWith(DataParallelPrefix, StringComparison.Ordinal));
        }
        using var file = SafetensorsFile.Open(path);
        return file.Entries.Count > 0 && file.Entries.All(e => e.Name.StartsWith(DataParallelPrefix, StringComparison.Ordinal));
    }
}
