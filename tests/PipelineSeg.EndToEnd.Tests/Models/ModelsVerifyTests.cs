namespace PipelineSeg.EndToEnd.Tests.Models;

/// <summary><c>models verify</c> fails loudly: beyond tolerance, weights that do not fit, bad parameters, hostile pickles.</summary>
public sealed class ModelsVerifyTests(SmallUNetCheckpoint small) : IClassFixture<SmallUNetCheckpoint>
{
    private const string Small = SmallUNetCheckpoint.Parameters;

    [SkippableFact]
    public void Text_output_reports_the_difference_and_a_tolerance_it_misses_fails()
    {
        var checkpoint = small.Checkpoint;
        var pass = checkpoint.Verify("pipelineseg.unet", Small);
        Assert.Equal(0, pass.ExitCode);
        Assert.Contains("max abs difference", pass.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("PASS", pass.StandardOutput, StringComparison.Ordinal);
        var fail = checkpoint.Verify("unet", Small, "--tolerance", "0");
        Assert.Equal(1, fail.ExitCode);
        Assert.Contains("FAIL", fail.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_data_parallel_checkpoint_loads_without_its_module_prefix()
    {
        using var checkpoint = ReferenceCheckpoint.Write("unet", Small, "1,1,16,16", seed: 3, prefix: "module.");
        VerifyAssert.Passes(checkpoint.Verify("unet", Small, "--json"));
    }

    [SkippableFact]
    public void Weights_of_another_architecture_are_refused_naming_the_keys()
    {
        var checkpoint = small.Checkpoint;
        var result = checkpoint.Verify("unet", Small.Replace("\"out_channels\":2", "\"out_channels\":3", StringComparison.Ordinal));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("head.weight", result.StandardError, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("""{"preset":"resnet"}""", "no preset 'resnet'")]
    [InlineData("""{"preset":"milesial","n_channels":1,"n_classes":2,"n_clases":2}""", "'n_clases'")]
    [InlineData("""{"preset":"milesial","n_channels":1}""", "'n_classes' is required")]
    [InlineData("""{"preset":"variant","skip":"multiply"}""", "'skip' = 'multiply'")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    public void Bad_parameters_are_usage_errors_naming_the_parameter(string parameters, string message)
    {
        var checkpoint = small.Checkpoint;
        var result = checkpoint.Verify("unet", parameters);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_unknown_plugin_lists_the_families()
    {
        var checkpoint = small.Checkpoint;
        var result = checkpoint.Verify("transformer", Small);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unet (pipelineseg.unet", result.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_hostile_pickle_is_refused_and_not_run()
    {
        var checkpoint = small.Checkpoint;
        var marker = Path.Combine(checkpoint.Directory, "pwned");
        var evil = Path.Combine(checkpoint.Directory, "evil.pth");
        ExternalTool.RunPython($$"""
            import os, pickle, sys
            class Evil:
                def __reduce__(self):
                    return (os.system, ("touch " + sys.argv[2],))
            open(sys.argv[1], "wb").write(pickle.dumps({"head.weight": Evil()}, protocol=2))
            """, evil, marker);
        var result = PipelineSeg.EndToEnd.Tests.Cli.PipelineSegCli.Run(["models", "verify", "--plugin", "unet", "--weights", evil, "--params", Small,
            "--input", checkpoint.Input, "--expected", checkpoint.Expected]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'posix.system' is not allowed", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }
}
