namespace PipelineSeg.Host.Tests.Options;

/// <summary>Every options concern is validated at start-up: a bad value stops the command with exit code 2 and names the setting.</summary>
public sealed class OptionsValidationTests
{
    [SkippableTheory]
    [InlineData("{\"Pipelines\":{\"liver\":{\"Threshold\":1.5}}}", "Pipelines:liver:Threshold")]
    [InlineData("{\"Pipelines\":{\"liver\":{\"Model\":\"\"}}}", "Pipelines:liver:Model")]
    [InlineData("{\"Pipelines\":{\"liver\":{\"MaxHistogramDistance\":0}}}", "Pipelines:liver:MaxHistogramDistance")]
    [InlineData("{\"Inference\":{\"DefaultPipeline\":\"spleen\"}}", "Inference:DefaultPipeline 'spleen'")]
    [InlineData("{\"Inference\":{\"SlicesPerBatch\":0}}", "SlicesPerBatch")]
    [InlineData("{\"Inference\":{\"Precision\":\"fp8\"}}", "Inference:Precision 'fp8' is not fp32, fp16, bf16")]
    [InlineData("{\"Inference\":{\"Precision\":\"bf16\"}}", "Inference:Precision 'bf16' needs Inference:Backend torch, it is empty")]
    [InlineData("{\"Inference\":{\"Precision\":\"fp16\",\"Backend\":\"onnx\",\"Device\":\"cuda\"}}", "Inference:Precision 'fp16' needs Inference:Backend torch, it is 'onnx'")]
    [InlineData("{\"Inference\":{\"Precision\":\"fp16\",\"Backend\":\"torch\"}}", "Inference:Precision 'fp16' needs Inference:Device cuda, cuda:N or auto, it is 'cpu'")]
    [InlineData("{\"Schedules\":{\"Housekeeping\":\"every night\"}}", "Schedules:Housekeeping")]
    [InlineData("{\"Schedules\":{\"Rescan\":\"0 0/5 * * * ?\"}}", "Intake:RescanInterval")]
    [InlineData("{\"Retries\":{\"MaxAttempts\":0}}", "MaxAttempts")]
    [InlineData("{\"Retries\":{\"Delay\":\"00:10:00\",\"MaxDelay\":\"00:01:00\"}}", "Retries:Delay")]
    [InlineData("{\"Journal\":{\"Provider\":\"Oracle\"}}", "Journal:Provider 'Oracle'")]
    [InlineData("{\"Intake\":{\"MarkerFile\":\"\"}}", "MarkerFile")]
    [InlineData("{\"Intake\":{\"WatchFolders\":[{\"Path\":\"/tmp/in\",\"Output\":\"/tmp/out\",\"Done\":\"/tmp/in/done\"}]}}", "Intake:WatchFolders:0:Done '/tmp/in/done' is inside the watched folder")]
    [InlineData("{\"Intake\":{\"WatchFolders\":[{\"Path\":\"/tmp/a\",\"Output\":\"/tmp/out\"},{\"Path\":\"/tmp/b\",\"Output\":\"/tmp/out2\"}]}}", "Intake:WatchFolders:1:Work '/tmp/work' is also Intake:WatchFolders:0:Work")]
    [InlineData("{\"Intake\":{\"WatchFolders\":[{\"Path\":\"/tmp/in\"}]}}", "Intake:WatchFolders:0:Output")]
    [InlineData("{\"Intake\":{\"WatchFolders\":[{\"Path\":\"/tmp/in\",\"Output\":\"/tmp/out\",\"Pipeline\":\"brain\"}]}}", "Pipeline 'brain'")]
    [InlineData("{\"Intake\":{\"WatchFolders\":[{\"Path\":\"/tmp/in\",\"Output\":\"/tmp/in/results\"}]}}", "Intake:WatchFolders:0:Output '/tmp/in/results' is inside")]
    [InlineData("{\"Output\":{\"QuarantineFolder\":\"a/b\"}}", "QuarantineFolder")]
    [InlineData("{\"Plugins\":{\"Directory\":\"\"}}", "Directory")]
    [InlineData("{\"Plugins\":{\"ForwardCancellationGrace\":\"00:00:00\"}}", "ForwardCancellationGrace")]
    [InlineData("{\"Jobs\":{\"Timeout\":\"00:00:00\"}}", "Timeout")]
    [InlineData("{\"Output\":{\"SegCompression\":\"rle\"}}", "Output:SegCompression rle needs 8-bit LABELMAP SEGs, but pipeline(s) deeplab, liver")]
    [InlineData("{\"Output\":{\"SegCompression\":\"zip\"}}", "SegCompression")]
    [InlineData("{\"Pipelines\":{\"liver\":{\"Outputs\":[\"seg\",\"stl\"]}}}", "Pipelines:liver:Outputs: unknown output 'stl'")]
    [InlineData("{\"Operations\":{\"Port\":70000}}", "Operations:Port 70000")]
    [InlineData("{\"Operations\":{\"BindAddress\":\"the-ward\"}}", "Operations:BindAddress 'the-ward'")]
    [InlineData("{\"Health\":{\"MinimumFreeSpaceMegabytes\":-1}}", "MinimumFreeSpaceMegabytes")]
    [InlineData("{\"Logging\":{\"Console\":{\"FormatterName\":\"xml\"}}}", "Logging:Console:FormatterName 'xml'")]
    public async Task Invalid_setting_gives_exit_code_2_naming_it(string json, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pipelineseg-config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            var (code, _, error) = await Cli.CliRun.RunAsync("models", "--config", file);
            Assert.Equal(2, code);
            Assert.Contains("configuration error", error, StringComparison.Ordinal);
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [SkippableFact]
    public async Task Malformed_json_is_a_configuration_error()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pipelineseg-config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{ \"Plugins\": ");
        try
        {
            var (code, _, error) = await Cli.CliRun.RunAsync("models", "--config", file);
            Assert.Equal(2, code);
            Assert.Contains("configuration error", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [SkippableFact]
    public async Task The_shipped_configuration_is_valid()
    {
        // models may report refused plugins (exit 1) but must not fail on configuration (exit 2).
        var (code, _, error) = await Cli.CliRun.RunAsync("models");
        Assert.True(code is 0 or 1, error);
    }
}
