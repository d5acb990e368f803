using System.Text.Json;

namespace PipelineSeg.EndToEnd.Tests.Models;

/// <summary>
/// <c>models new</c>: a checkpoint written by a reference implementation becomes a plugin folder that loads (manifest,
/// SHA-256, code), reproduces the reference through <c>models verify</c>, and segments a series with <c>batch</c>.
/// </summary>
public sealed class ModelsNewTests : IDisposable
{
    private const string Generator = """{"netG":"resnet_6blocks","input_nc":1,"output_nc":1,"ngf":4,"norm":"instance"}""";
    private readonly string plugins = TestPaths.NewTempDirectory("models-new");

    public void Dispose() => Directory.Delete(plugins, recursive: true);

    [SkippableFact]
    public void A_checkpoint_becomes_a_plugin_that_verifies_and_runs_a_batch()
    {
        using var checkpoint = ReferenceCheckpoint.Write("cyclegan", Generator, "1,1,32,32");
        var target = Path.Combine(plugins, "my-generator");
        var created = Cli.PipelineSegCli.Run(["models", "new", "--from-checkpoint", checkpoint.Weights, "--preset", "junyanz", "--name", "my-generator",
            "--params", Generator, "--size", "64", "--labels", "background,liver", "--output", target]);
        Assert.True(created.ExitCode == 0, created.StandardError);
        Assert.Contains("model my-generator", created.StandardOutput, StringComparison.Ordinal);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "plugin.json"))))
        {
            var model = manifest.RootElement.GetProperty("models")[0];
            Assert.Equal("cyclegan", model.GetProperty("family").GetString());
            Assert.Equal("resnet_6blocks", model.GetProperty("parameters").GetProperty("netG").GetString());
            Assert.Equal(64, model.GetProperty("files")[0].GetProperty("sha256").GetString()!.Length);
        }
        Assert.True(File.Exists(Path.Combine(target, "PipelineSeg.Plugins.CycleGan.dll")));
        Assert.False(File.Exists(Path.Combine(target, "PipelineSeg.Nn.dll")));

        // The written folder alone serves the model and reproduces the reference from the converted weights.
        var listed = Cli.PipelineSegCli.Run(["models", "--plugins", plugins, "--json"]);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("\"my-generator\"", listed.StandardOutput, StringComparison.Ordinal);
        var verify = Cli.PipelineSegCli.Run(["models", "verify", "--plugins", plugins, "--plugin", "user.my-generator", "--params", Generator,
            "--weights", Path.Combine(target, "models", "my-generator", "model.safetensors"), "--input", checkpoint.Input, "--expected", checkpoint.Expected, "--json"]);
        VerifyAssert.Passes(verify);

        // A pipeline on the new model segments a phantom series end to end.
        var work = Path.Combine(plugins, "..", Path.GetFileName(plugins) + "-work");
        try
        {
            Directory.CreateDirectory(work);
            var config = Path.Combine(work, "pipeline.json");
            File.WriteAllText(config, """{"Pipelines":{"mine":{"Model":"my-generator","Modalities":["CT"],"SeriesDescription":"my generator"}}}""");
            var phantom = Cli.PipelineSegCli.Run(["phantom", "--output", Path.Combine(work, "in"), "--seed", "5", "--format", "dicom", "--size", "64", "--slices", "4"]);
            Assert.True(phantom.ExitCode == 0, phantom.StandardError);
            var batch = Cli.PipelineSegCli.Run(["batch", "--config", config, "--plugins", plugins, "--pipeline", "mine", "--input", Path.Combine(work, "in"), "--output", Path.Combine(work, "out")]);
            Assert.True(batch.ExitCode == 0, batch.StandardOutput + batch.StandardError);
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(work, "out"), "*.dcm", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [SkippableFact]
    public void A_checkpoint_of_another_architecture_is_refused_and_nothing_is_written()
    {
        using var checkpoint = ReferenceCheckpoint.Write("cyclegan", Generator, "1,1,16,16");
        var target = Path.Combine(plugins, "wrong");
        var result = Cli.PipelineSegCli.Run(["models", "new", "--from-checkpoint", checkpoint.Weights, "--preset", "junyanz", "--name", "wrong",
            "--params", Generator.Replace("resnet_6blocks", "resnet_9blocks", StringComparison.Ordinal), "--output", target, "--size", "64",
            "--labels", "background,liver"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not fit cyclegan preset junyanz", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Missing key(s): \"model.16.conv_block.1.weight\"", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [SkippableTheory]
    [InlineData("Bad Name", "junyanz", "background,liver", "--name 'Bad Name'")]
    [InlineData("ok", "nonexistent", "background,liver", "no family plugin")]
    [InlineData("ok", "junyanz", "background,brain", "no SNOMED CT codes known for 'brain'")]
    [InlineData("ok", "junyanz", "background,liver,lesion", "the network gives 2 classes")]
    public void Usage_errors_name_the_problem(string name, string preset, string labels, string message)
    {
        using var checkpoint = ReferenceCheckpoint.Write("cyclegan", Generator, "1,1,16,16");
        var result = Cli.PipelineSegCli.Run(["models", "new", "--from-checkpoint", checkpoint.Weights, "--preset", preset, "--name", name,
            "--params", Generator, "--output", Path.Combine(plugins, "x"), "--labels", labels]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }
}
