namespace PipelineSeg.Plugins.Hosting.Tests.BadPlugins;

/// <summary>A plugin.json error refuses the plugin before its code runs, naming the manifest file and the field; the good plugin beside it loads.</summary>
public sealed class ManifestRefusalTests
{
    [SkippableTheory]
    [InlineData("\"entryType\": \"TestPlugins.Good.GoodPlugin\",", "", "'entryType' is empty")] // optional since model packages (no assembly) exist
    [InlineData("\"contractVersion\": \"2.0\"", "\"contractVersion\": \"two\"", "'contractVersion' 'two' is not major.minor")]
    [InlineData("\"assembly\": \"TestPlugins.Good.dll\"", "\"assembly\": \"../TestPlugins.Good.dll\"", "'assembly' '../TestPlugins.Good.dll' must be a .dll inside the plugin folder")]
    [InlineData("\"channels\": 1, \"height\": 4", "\"channels\": 0, \"height\": 4", "model 'threshold-good': 'input.channels', 'input.height' and 'input.width' must be positive (got 0, 4, 4)")]
    [InlineData("\"center\": 0.5, \"width\": 1", "\"center\": 0.5, \"width\": 0", "model 'threshold-good': 'input.intensity.width': window width must be positive")]
    [InlineData("{ \"index\": 1, \"label\": \"liver\",", "{ \"index\": 2, \"label\": \"liver\",", "model 'threshold-good': 'output.classes[1].index': class 'liver' has index 2, expected 1")]
    [InlineData("\"color\": [ 221, 130, 101 ]", "\"color\": [ 221, 130 ]", "model 'threshold-good': 'output.classes[1].color': class 'liver' colour must be three values 0-255")]
    [InlineData("\"sha256\": \"8d5c1b5a87c51f970807fc0c2057b3ab3aaf11638ab667dc5956edc8f5bcf138\"", "\"sha256\": \"8d5c\"", "model 'threshold-good': 'files[0].sha256': file 'threshold.txt' needs a 64-digit hex sha256")]
    [InlineData("\"path\": \"threshold.txt\"", "\"path\": \"/etc/threshold.txt\"", "model 'threshold-good': 'files[0].path': file '/etc/threshold.txt' must be a relative path inside the plugin folder")]
    [InlineData("\"kind\": \"probabilities\"", "\"kind\": \"histogram\"", "$.models[0].output.kind")]
    public async Task Manifest_error_is_refused_naming_the_file_and_the_field(string original, string broken, string expected)
    {
        using var folder = new TestPluginFolder();
        folder.Add("Good", "a-good");
        var bad = folder.Add("Good", "b-bad");
        var manifest = Path.Combine(bad, "plugin.json");
        var json = await File.ReadAllTextAsync(manifest);
        Assert.Contains(original, json, StringComparison.Ordinal);
        await File.WriteAllTextAsync(manifest, json.Replace(original, broken, StringComparison.Ordinal)
            .Replace("\"threshold-good\"", "\"threshold-other\"", StringComparison.Ordinal));
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        Assert.Equal(Path.Combine(folder.Root, "a-good"), Assert.Single(catalog.Plugins).Directory);
        var reason = Assert.Single(catalog.Failures).Reason;
        Assert.StartsWith($"{manifest}: ", reason, StringComparison.Ordinal);
        Assert.Contains(expected.Replace("'threshold-good'", "'threshold-other'", StringComparison.Ordinal), reason, StringComparison.Ordinal);
    }
}
