using System.Text.Json;

namespace PipelineSeg.Host.Tests.Cli;

/// <summary><c>models</c> shows each plugin folder's state; a model naming a preset its family lacks is refused at load, naming the field.</summary>
public sealed class ModelsPluginStateTests
{
    [SkippableFact]
    public async Task Models_json_lists_plugin_states_and_refuses_an_unsupported_preset_naming_the_field()
    {
        var root = TestPaths.NewTempDirectory("models-states");
        try
        {
            var plugins = Path.Combine(root, "plugins");
            BundledPlugins.CopyTo("PipelineSeg.Plugins.UNet", Path.Combine(plugins, "unet"));
            var cyclegan = Path.Combine(plugins, "cyclegan");
            BundledPlugins.CopyTo("PipelineSeg.Plugins.CycleGan", cyclegan);
            var manifest = Path.Combine(cyclegan, "plugin.json");
            await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("\"preset\": \"junyanz\"", "\"preset\": \"pix2pixhd\"", StringComparison.Ordinal));

            var (code, output, error) = await CliRun.RunAsync("models", "--json", "--plugins", plugins);

            Assert.True(code == 1, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(["lgan-liver-phantom", "unet-liver-phantom", "unet-milesial-liver-phantom"], json.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
            var states = json.RootElement.GetProperty("plugins").EnumerateArray().ToDictionary(p => Path.GetFileName(p.GetProperty("directory").GetString()!));
            Assert.Equal("loaded", states["unet"].GetProperty("state").GetString());
            Assert.Equal(0, states["unet"].GetProperty("reasons").GetArrayLength());
            Assert.False(states["unet"].TryGetProperty("reloadedAt", out _)); // never reloaded (nulls are left out)
            Assert.Equal("loaded", states["cyclegan"].GetProperty("state").GetString());
            var reason = Assert.Single(states["cyclegan"].GetProperty("reasons").EnumerateArray()).GetString();
            Assert.Equal($"{manifest}: model 'cyclegan-liver-phantom' refused: 'parameters': cyclegan has no preset 'pix2pixhd' (presets: junyanz)", reason);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Models_text_shows_each_plugin_loaded_or_refused()
    {
        var root = TestPaths.NewTempDirectory("models-states");
        try
        {
            var plugins = Path.Combine(root, "plugins");
            BundledPlugins.CopyTo("PipelineSeg.Plugins.UNet", Path.Combine(plugins, "unet"));
            var broken = Path.Combine(plugins, "broken");
            BundledPlugins.CopyTo("PipelineSeg.Plugins.UNet", broken);
            File.Delete(Path.Combine(broken, "plugin.json"));

            var (code, output, error) = await CliRun.RunAsync("models", "--plugins", plugins);

            Assert.Equal(1, code);
            Assert.Contains("plugin broken: refused (since ", output, StringComparison.Ordinal);
            Assert.Matches(@"plugin unet: loaded pipelineseg\.unet \S+ \(since \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\)", output);
            Assert.Contains("no plugin.json", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
