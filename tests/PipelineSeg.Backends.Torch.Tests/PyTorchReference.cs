using System.Globalization;
using System.Text.Json.Nodes;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors;

namespace PipelineSeg.Backends.Torch.Tests;

/// <summary>
/// PyTorch 1.13's outputs for family models (tools/reference/family_output.py: the reference network, the state dict,
/// eval mode and the family plugin's output mapping), all jobs in one Python process.
/// </summary>
internal static class PyTorchReference
{
    /// <summary>One model: its manifest, the weights file (written first with random weights when <paramref name="Seed"/> is set) and its input.</summary>
    public sealed record Job(string Family, IReadOnlyDictionary<string, string> Parameters, string Head, string Weights, float[] Input, int[] Shape, int? Seed = null)
    {
        public static Job For(ModelManifest model, string weights, float[] input, int slices) => new(model.Family, model.Parameters, HeadOf(model),
            weights, input, [slices, model.Input.Channels, model.Input.Height, model.Input.Width]);
    }

    /// <summary>The outputs of <paramref name="jobs"/>, in order.</summary>
    public static float[][] Run(string workDirectory, IReadOnlyList<Job> jobs)
    {
        var list = new JsonArray();
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];
            var input = Path.Combine(workDirectory, $"input{i}.npy");
            NpyFile.Write(input, job.Input, job.Shape);
            var entry = new JsonObject
            {
                ["family"] = job.Family,
                ["params"] = Parameters(job.Parameters),
                ["weights"] = job.Weights,
                ["input"] = input,
                ["output"] = Path.Combine(workDirectory, $"output{i}.npy"),
                ["head"] = job.Head,
            };
            if (job.Seed is { } seed)
            {
                entry["seed"] = seed;
            }
            list.Add(entry);
        }
        var jobsFile = Path.Combine(workDirectory, "jobs.json");
        File.WriteAllText(jobsFile, list.ToJsonString());
        var result = ExternalTool.Run(ExternalTool.Python, [TestPaths.Repo("tools", "reference", "family_output.py"), jobsFile], TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, result.StandardError);
        return [.. Enumerable.Range(0, jobs.Count).Select(i => NpyFile.Read(Path.Combine(workDirectory, $"output{i}.npy")).AsFloat32().ToArray())];
    }

    /// <summary>What the family plugin makes of the raw output (SegNetSegmentationModel, GeneratorSegmentationModel, UNetSegmentationModel).</summary>
    public static string HeadOf(ModelManifest model) => model.Family switch
    {
        "segnet" => model.Parameters.GetValueOrDefault("preset") == "naive-symmetric" ? "regression" : "softmax",
        "cyclegan" => model.Output.Kind == OutputKind.Probabilities ? "tanh-mask" : "logits",
        _ => model.Output.Kind == OutputKind.Logits ? "logits" : "softmax",
    };

    /// <summary>Manifest parameters are strings; the reference constructors take ints, floats and bools.</summary>
    public static JsonObject Parameters(IReadOnlyDictionary<string, string> parameters)
    {
        var json = new JsonObject();
        foreach (var (name, text) in parameters)
        {
            json[name] = text switch
            {
                "true" or "True" => JsonValue.Create(true),
                "false" or "False" => JsonValue.Create(false),
                _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
                _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
                _ => JsonValue.Create(text),
            };
        }
        return json;
    }

    /// <summary>Slices of uniform noise in [0, 1] (the models' windowed intensity range).</summary>
    public static float[] Noise(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => (float)random.NextDouble())];
    }

    public static double MaxDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b).Max(p => Math.Abs(p.First - p.Second));
    }
}
