using System.Security.Cryptography;
using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;

namespace PipelineSeg.Host.Cli.Models;

/// <summary>
/// Writes a plugin folder for a network whose weights loaded: the family plugin's code files (its assembly, .deps.json,
/// runtimeconfig; not its manifest or models), the weights as float32 safetensors (so the service never unpickles) and
/// a manifest with their SHA-256. Written beside the target and moved into place, so a watcher never sees half a plugin.
/// </summary>
internal static class PluginFolderWriter
{
    public static async Task<PluginManifest> WriteAsync(LoadedPlugin family, string familyName, NewModelRequest request, NetworkDescription description,
        Module network, string target, CancellationToken cancellationToken)
    {
        var partial = target + ".partial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }
        Directory.CreateDirectory(partial);
        try
        {
            foreach (var file in Directory.EnumerateFiles(family.Directory))
            {
                if (!string.Equals(Path.GetFileName(file), PluginContract.ManifestFileName, StringComparison.Ordinal))
                {
                    File.Copy(file, Path.Combine(partial, Path.GetFileName(file)));
                }
            }
            var weights = $"models/{request.Name}/model.safetensors";
            var weightsPath = Path.Combine(partial, "models", request.Name, "model.safetensors");
            Directory.CreateDirectory(Path.GetDirectoryName(weightsPath)!);
            network.SaveSafetensors(weightsPath);
            string sha;
            await using (var stream = File.OpenRead(weightsPath))
            {
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            }
            var manifest = NewModelManifest.Create(family.Manifest, familyName, request, description, weights, sha);
            await File.WriteAllTextAsync(Path.Combine(partial, PluginContract.ManifestFileName), PluginManifestSerializer.Serialize(manifest), cancellationToken).ConfigureAwait(false);
            Directory.Move(partial, target);
            return manifest;
        }
        catch
        {
            Directory.Delete(partial, recursive: true);
            throw;
        }
    }
}
