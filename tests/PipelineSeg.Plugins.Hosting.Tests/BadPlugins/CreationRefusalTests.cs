using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace PipelineSeg.Plugins.Hosting.Tests.BadPlugins;

/// <summary>
/// A model whose backend fails to create it (here: weights the backend cannot read; in production a missing native
/// library, a device that is not there, a graph whose shapes disagree with the manifest) is listed as refused, naming
/// plugin and cause, until its folder changes; the other models stay served.
/// </summary>
public sealed class CreationRefusalTests
{
    [SkippableFact]
    public async Task A_model_that_fails_when_created_is_listed_refused_until_its_folder_changes()
    {
        using var folder = new TestPluginFolder();
        folder.Add("Backend");
        await OnBackendAsync(folder.Add("Good", "a-good"), "test.good", "threshold-good", "0.5");
        var bad = folder.Add("Good", "b-bad");
        await OnBackendAsync(bad, "test.bad", "threshold-bad", "not-a-number");
        using var provider = new PluginCatalogModelProvider(folder.Root, new PluginCatalogOptions(), 0, NullLogger<PluginCatalog>.Instance);
        Assert.Equal(new[] { "threshold-bad", "threshold-good" }, (await provider.ListAsync()).Select(m => m.Model.Id).Order(StringComparer.Ordinal));
        Assert.Empty(await provider.FailuresAsync());

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.CreateAsync("threshold-bad"));

        var reason = Assert.Single(await provider.FailuresAsync());
        Assert.StartsWith($"{Path.Combine(bad, "plugin.json")}: model 'threshold-bad' refused when created: ", reason, StringComparison.Ordinal);
        Assert.EndsWith(e.Message, reason, StringComparison.Ordinal);
        Assert.Contains($"plugin 'test.backend' ({Path.Combine(folder.Root, "Backend")}) failed to create model 'threshold-bad' of plugin 'test.bad' ({bad})", reason, StringComparison.Ordinal);
        Assert.Contains("'not-a-number'", reason, StringComparison.Ordinal);
        var states = await provider.Catalog.StatesAsync();
        Assert.Equal(new[] { reason }, states.Single(s => s.Directory == bad).Reasons);
        Assert.All(states.Where(s => s.Directory != bad), s => Assert.Empty(s.Reasons));
        Assert.Equal("threshold-good", Assert.Single(await provider.ListAsync()).Model.Id);
        using (var good = await provider.CreateAsync("threshold-good"))
        {
            Assert.Equal("threshold-good", good.Manifest.Id);
        }
        // Failing again does not list it twice.
        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.CreateAsync("threshold-bad"));
        Assert.Single(await provider.FailuresAsync());

        await OnBackendAsync(bad, "test.bad", "threshold-bad", "0.25");

        Assert.Empty(await provider.FailuresAsync());
        Assert.Empty(Assert.Single(await provider.Catalog.StatesAsync(), s => s.Directory == bad).Reasons);
        Assert.Equal(2, (await provider.ListAsync()).Count);
        using var mended = await provider.CreateAsync("threshold-bad");
        Assert.Equal("threshold-bad", mended.Manifest.Id);
    }

    /// <summary>Makes the copied Good plugin <paramref name="pluginId"/> list <paramref name="modelId"/> run by the test backend with <paramref name="weights"/>.</summary>
    private static async Task OnBackendAsync(string dir, string pluginId, string modelId, string weights)
    {
        var weightsPath = Path.Combine(dir, "threshold.txt");
        var oldHash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(weightsPath)));
        await File.WriteAllTextAsync(weightsPath, weights);
        var newHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(weights)));
        var path = Path.Combine(dir, "plugin.json");
        var json = (await File.ReadAllTextAsync(path))
            .Replace("\"test.good\"", $"\"{pluginId}\"", StringComparison.Ordinal)
            .Replace("\"threshold-good\"", $"\"{modelId}\"", StringComparison.Ordinal)
            .Replace(oldHash, newHash, StringComparison.Ordinal);
        if (!json.Contains("\"backend\"", StringComparison.Ordinal))
        {
            json = json.Replace("\"family\": \"threshold\",", "\"family\": \"threshold\", \"backend\": \"threshold-runtime\",", StringComparison.Ordinal);
        }
        await File.WriteAllTextAsync(path, json);
    }
}
