using System.Security.Cryptography;
using System.Text.Json;

namespace PipelineSeg.Host.Tests.Cli;

/// <summary><c>models --check</c> creates each model once: one that fails at load is listed refused naming plugin and cause, the others stay.</summary>
public sealed class ModelsCheckTests
{
    private const string Broken = "unet-milesial-liver-phantom";

    [SkippableFact]
    public async Task Models_check_lists_a_model_that_fails_when_created_as_refused_with_its_cause()
    {
        var root = TestPaths.NewTempDirectory("models-check");
        try
        {
            var plugins = Path.Combine(root, "plugins");
            var unet = BundledPlugins.CopyTo("PipelineSeg.Plugins.UNet", Path.Combine(plugins, "unet"));
            await CorruptWeightsAsync(unet, $"models/{Broken}/model.safetensors");

            var (plainCode, plain, plainError) = await CliRun.RunAsync("models", "--json", "--plugins", plugins);
            var (code, output, error) = await CliRun.RunAsync("models", "--check", "--json", "--plugins", plugins);

            Assert.True(plainCode == 0, plainError); // the manifest and hashes are fine: only creating the model finds the fault
            Assert.Contains(Broken, Ids(plain), StringComparer.Ordinal);
            Assert.True(code == 1, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(["lgan-liver-phantom", "unet-liver-phantom"], Ids(output));
            var state = Assert.Single(json.RootElement.GetProperty("plugins").EnumerateArray());
            Assert.Equal("loaded", state.GetProperty("state").GetString());
            var reason = Assert.Single(state.GetProperty("reasons").EnumerateArray()).GetString()!;
            Assert.StartsWith($"{Path.Combine(unet, "plugin.json")}: model '{Broken}' refused when created: plugin 'pipelineseg.unet' ({unet}) failed to create model '{Broken}': ", reason, StringComparison.Ordinal);
            Assert.Equal(reason, Assert.Single(json.RootElement.GetProperty("failures").EnumerateArray()).GetString());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static List<string?> Ids(string output)
    {
        using var json = JsonDocument.Parse(output);
        return [.. json.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetString())];
    }

    /// <summary>Replaces a weights file with bytes that are no safetensors file, keeping the manifest's hash right.</summary>
    private static async Task CorruptWeightsAsync(string plugin, string file)
    {
        var path = Path.Combine(plugin, file);
        var oldHash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path)));
        byte[] garbage = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        await File.WriteAllBytesAsync(path, garbage);
        var manifest = Path.Combine(plugin, "plugin.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace(oldHash, Convert.ToHexStringLower(SHA256.HashData(garbage)), StringComparison.Ordinal));
    }
}
