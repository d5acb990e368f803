using System.Diagnostics;

namespace PipelineSeg.Plugins.Hosting.Tests.BadPlugins;

/// <summary>
/// Forwards that throw, never return, or stop when cancelled: the job's call fails naming plugin, model and cause; the
/// catalog stays in service and the good plugin beside it keeps working.
/// </summary>
public sealed class ForwardFaultTests
{
    private static readonly PluginCatalogOptions Options = new() { ForwardCancellationGrace = TimeSpan.FromMilliseconds(300) };

    [SkippableFact]
    public async Task Forward_that_throws_fails_naming_plugin_model_and_cause_and_the_good_plugin_still_works()
    {
        using var folder = PluginsWithFaulty();
        using var live = new LivePluginCatalog(folder.Root, Options);
        using var cts = new CancellationTokenSource();

        using (var faulty = await live.CreateAsync("faulty-throws"))
        {
            var ex = Assert.Throws<PluginFaultException>(() => Run(faulty, cts.Token));
            Assert.Equal("plugin 'test.faulty' model 'faulty-throws': forward threw InvalidOperationException: weights exploded", ex.Message);
            Assert.False(ex.Abandoned);
            // Without a cancellable token the forward runs inline and is guarded the same way.
            Assert.Equal(ex.Message, Assert.Throws<PluginFaultException>(() => Run(faulty, CancellationToken.None)).Message);
        }

        await AssertGoodStillWorksAsync(live, cts.Token);
        var state = Assert.Single(await live.StatesAsync(), s => s.Id == "test.faulty");
        Assert.Equal(PluginStatus.Loaded, state.Status);
        Assert.Equal(0, state.Leases);
        Assert.EndsWith("forward threw InvalidOperationException: weights exploded", state.LastFault, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Forward_that_never_returns_is_abandoned_after_the_grace_and_releases_its_plugin()
    {
        using var folder = PluginsWithFaulty();
        using var live = new LivePluginCatalog(folder.Root, Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        using (var hanging = await live.CreateAsync("faulty-hangs"))
        {
            var ex = Assert.Throws<PluginFaultException>(() => Run(hanging, timeout.Token));
            Assert.True(ex.Abandoned);
            Assert.StartsWith("plugin 'test.faulty' model 'faulty-hangs': forward did not return within 0.3 s of cancellation", ex.Message, StringComparison.Ordinal);
            Assert.EndsWith("abandoned on its thread", ex.Message, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed.TotalSeconds, 0.4, 10);
            // The lease dropped with the abandonment, and the model is never run again.
            Assert.Equal(0, Assert.Single(await live.StatesAsync(), s => s.Id == "test.faulty").Leases);
            Assert.Contains("abandoned earlier", Assert.Throws<PluginFaultException>(() => Run(hanging, CancellationToken.None)).Message, StringComparison.Ordinal);
        }

        using var cts = new CancellationTokenSource();
        await AssertGoodStillWorksAsync(live, cts.Token);
    }

    [SkippableFact]
    public async Task Forward_that_stops_when_cancelled_reports_a_cancellation_naming_the_model()
    {
        using var folder = PluginsWithFaulty();
        using var live = new LivePluginCatalog(folder.Root, Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        using var cooperative = await live.CreateAsync("faulty-cooperative");
        var ex = Assert.ThrowsAny<OperationCanceledException>(() => Run(cooperative, timeout.Token));
        Assert.StartsWith("forward of model 'faulty-cooperative' (plugin 'test.faulty') cancelled after", ex.Message, StringComparison.Ordinal);
        Assert.Equal(timeout.Token, ex.CancellationToken);
    }

    private static TestPluginFolder PluginsWithFaulty()
    {
        var folder = new TestPluginFolder();
        folder.Add("Good");
        folder.Add("Faulty");
        return folder;
    }

    private static void Run(Abstractions.ISegmentationModel model, CancellationToken cancellationToken) =>
        model.Predict(new float[model.Manifest.InputLength(1)], 1, new float[model.Manifest.OutputLength(1)], cancellationToken);

    private static async Task AssertGoodStillWorksAsync(LivePluginCatalog live, CancellationToken cancellationToken)
    {
        using var good = await live.CreateAsync("threshold-good", cancellationToken: cancellationToken);
        var input = new float[16];
        input[3] = 1f;
        var output = new float[good.Manifest.OutputLength(1)];
        good.Predict(input, 1, output, cancellationToken);
        Assert.Equal(1f / (1f + MathF.Exp(-20f * 0.5f)), output[16 + 3], 6);
    }
}
