using System.Security.Cryptography;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>Checks that every file a manifest lists is present and has the declared SHA-256.</summary>
internal static class ModelFileVerifier
{
    /// <summary>One sentence per missing or altered file; empty when all match.</summary>
    public static async Task<IReadOnlyList<string>> VerifyAsync(string pluginDirectory, Abstractions.PluginManifest manifest, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var model in manifest.Models)
        {
            foreach (var file in model.Files)
            {
                var path = Path.Combine(pluginDirectory, file.Path);
                if (!File.Exists(path))
                {
                    problems.Add($"model '{model.Id}': file '{file.Path}' is missing");
                    continue;
                }
                var actual = await HashAsync(path, cancellationToken).ConfigureAwait(false);
                if (!string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"model '{model.Id}': file '{file.Path}' has SHA-256 {actual}, manifest says {file.Sha256.ToLowerInvariant()}");
                }
            }
        }
        return problems;
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
    }
}
