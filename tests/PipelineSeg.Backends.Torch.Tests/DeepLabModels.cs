using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace PipelineSeg.Backends.Torch.Tests;

/// <summary>
/// Adds a DeepLabV3 model to a copied DeepLab plugin folder: its weights under models/&lt;id&gt;/ and an entry in plugin.json
/// cloned from the bundled sample's (one channel, background + one class), with its own size, parameters and hash.
/// </summary>
internal static class DeepLabModels
{
    public const string Bundled = "deeplabv3-liver-phantom";

    public static void Add(string deepLab, string id, string weights, int height, int width, string parameters)
    {
        var target = Path.Combine(deepLab, "models", id, "model.safetensors");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(weights, target);
        var manifestPath = Path.Combine(deepLab, "plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var models = manifest["models"]!.AsArray();
        var entry = models.Single(m => (string?)m!["id"] == Bundled)!.DeepClone();
        entry["id"] = id;
        entry["name"] = id;
        entry["input"]!["height"] = height;
        entry["input"]!["width"] = width;
        using (var stream = File.OpenRead(target))
        {
            entry["files"] = new JsonArray(new JsonObject
            {
                ["path"] = $"models/{id}/model.safetensors",
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(stream)),
                ["role"] = "weights",
            });
        }
        entry["parameters"] = JsonNode.Parse(parameters);
        models.Add(entry);
        File.WriteAllText(manifestPath, manifest.ToJsonString());
    }
}
