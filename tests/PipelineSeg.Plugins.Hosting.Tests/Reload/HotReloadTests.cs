using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting.Tests.Reload;

/// <summary>A changed plugin folder is reloaded between jobs, never during one, and the old version is unloaded.</summary>
public sealed class HotReloadTests
{
    [SkippableFact]
    public async Task New_weights_and_version_are_loaded_once_the_running_job_releases_the_old_version()
    {
        using var folder = new TestPluginFolder();
        var dir = folder.Add("Good");
        using var live = new LivePluginCatalog(folder.Root);

        var job = await live.CreateAsync("threshold-good");
        Assert.Equal(0.5f, Foreground(job, 0.5f), 6); // at the 0.5 threshold
        await PublishNewVersionAsync(dir, threshold: "0.25", version: "1.3.0");

        var during = Assert.Single(await live.StatesAsync());
        Assert.Equal(("1.2.3", 1, true, (DateTimeOffset?)null), (during.Version, during.Leases, during.ReloadPending, during.ReloadedAt));
        // While the job runs, new models still come from the version it started with (same plugin, same manifest)...
        using (var sameJob = await live.CreateAsync("threshold-good"))
        {
            Assert.Equal("1.2.3", Assert.Single(await live.StatesAsync()).Version);
            Assert.Equal(2, Assert.Single(await live.StatesAsync()).Leases);
        }
        // ...and the job's model keeps the weights it loaded.
        Assert.Equal(0.5f, Foreground(job, 0.5f), 6);
        job.Dispose();

        var after = Assert.Single(await live.StatesAsync());
        Assert.Equal(("1.3.0", 0, false, PluginStatus.Loaded), (after.Version, after.Leases, after.ReloadPending, after.Status));
        Assert.NotNull(after.ReloadedAt);
        Assert.True(after.ReloadedAt >= after.LoadedAt);
        using var next = await live.CreateAsync("threshold-good");
        Assert.Equal(1f / (1f + MathF.Exp(-20f * 0.25f)), Foreground(next, 0.5f), 6); // 0.5 is now 0.25 above the threshold
    }

    [SkippableFact]
    public async Task The_replaced_version_is_unloaded_and_its_load_context_collected()
    {
        using var folder = new TestPluginFolder();
        var dir = folder.Add("Good");
        using var live = new LivePluginCatalog(folder.Root);
        var weak = await UseVersionAsync(live);

        await PublishNewVersionAsync(dir, threshold: "0.25", version: "1.3.0");
        Assert.Equal("1.3.0", Assert.Single((await live.CurrentAsync()).Plugins).Manifest.Version);

        for (var i = 0; weak.IsAlive && i < 20; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(weak.IsAlive, "the old version's load context is still alive after the reload");
    }

    [SkippableFact]
    public async Task A_refused_folder_that_is_fixed_is_loaded_and_a_removed_one_leaves()
    {
        using var folder = new TestPluginFolder();
        var dir = folder.Add("Good");
        await File.WriteAllTextAsync(Path.Combine(dir, "threshold.txt"), "0.25\n");
        using var live = new LivePluginCatalog(folder.Root);

        var refused = Assert.Single(await live.StatesAsync());
        Assert.Equal(PluginStatus.Refused, refused.Status);
        Assert.Contains("file 'threshold.txt' has SHA-256", Assert.Single(refused.Reasons), StringComparison.Ordinal);

        await PublishNewVersionAsync(dir, threshold: "0.25", version: "1.2.4");
        var fixedState = Assert.Single(await live.StatesAsync());
        Assert.Equal((PluginStatus.Loaded, "1.2.4"), (fixedState.Status, fixedState.Version));
        Assert.Empty(fixedState.Reasons);

        Directory.Delete(dir, recursive: true);
        Assert.Empty(await live.StatesAsync());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => live.CreateAsync("threshold-good"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> UseVersionAsync(LivePluginCatalog live)
    {
        var plugin = Assert.Single((await live.CurrentAsync()).Plugins);
        using (var model = await live.CreateAsync("threshold-good"))
        {
            Assert.Equal(0.5f, Foreground(model, 0.5f), 6);
        }
        return new WeakReference(plugin.LoadContext);
    }

    /// <summary>P(foreground) of one voxel of value <paramref name="value"/>.</summary>
    private static float Foreground(ISegmentationModel model, float value)
    {
        var input = Enumerable.Repeat(value, 16).ToArray();
        var output = new float[model.Manifest.OutputLength(1)];
        using var cts = new CancellationTokenSource();
        model.Predict(input, 1, output, cts.Token);
        return output[16];
    }

    /// <summary>Writes new weights and the manifest that lists their hash, as a model developer republishing the folder would.</summary>
    private static async Task PublishNewVersionAsync(string dir, string threshold, string version)
    {
        var weights = Path.Combine(dir, "threshold.txt");
        await File.WriteAllTextAsync(weights, threshold + "\n");
        var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(weights)));
        var manifest = Path.Combine(dir, "plugin.json");
        var json = await File.ReadAllTextAsync(manifest);
        json = json.Replace("8d5c1b5a87c51f970807fc0c2057b3ab3aaf11638ab667dc5956edc8f5bcf138", hash, StringComparison.Ordinal)
            .Replace("\"version\": \"1.2.3\"", $"\"version\": \"{version}\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(manifest, json);
    }
}
