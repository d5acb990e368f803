using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.DeepLab.Tests.Plugin;

/// <summary>The bundled deeplabv3-liver-phantom loads from the plugin folder (plugin.json beside the build output) with its critic.</summary>
public sealed class BundledSampleTests
{
    [SkippableFact]
    public async Task The_sample_loads_with_its_critic_and_gives_probabilities()
    {
        var manifest = await PluginManifestSerializer.LoadAsync(Path.Combine(AppContext.BaseDirectory, PluginContract.ManifestFileName));
        var entry = Assert.Single(manifest.Models, m => m.Id == "deeplabv3-liver-phantom");
        using var model = new DeepLabPlugin().CreateModel(entry, new ModelCreationContext(AppContext.BaseDirectory));
        Assert.NotNull(model.Critic);

        var (h, w) = (entry.Input.Height, entry.Input.Width);
        var input = new float[2 * h * w];
        for (var i = 0; i < input.Length; i++)
        {
            // a bright disc (soft tissue after the window) on dark background, in two slices
            var (y, x) = (i % (h * w) / w, i % w);
            input[i] = (y - (h / 2)) * (y - (h / 2)) + (x - (w / 2)) * (x - (w / 2)) < h * w / 10 ? 0.6f : 0f;
        }
        var output = new float[model.Manifest.OutputLength(2)];
        model.Predict(input, 2, output);
        for (var i = 0; i < h * w; i++)
        {
            Assert.InRange(output[i] + output[h * w + i], 0.999f, 1.001f);
        }

        var truth = new float[2 * h * w];
        var prediction = new float[2 * h * w];
        Array.Fill(truth, 1f, 0, h * w);
        Array.Fill(prediction, 1f, h * w, h * w);
        var same = new double[2];
        var different = new double[2];
        model.Critic!.Distances(input, truth, truth, 2, same);
        model.Critic.Distances(input, prediction, truth, 2, different);
        Assert.All(same, d => Assert.Equal(0, d));
        Assert.All(different, d => Assert.True(d > 0, $"distance {d}"));
    }
}
