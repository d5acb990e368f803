using System.Diagnostics;
using Xunit.Abstractions;

namespace PipelineSeg.Backends.Torch.Tests;

/// <summary>
/// bench/gpu/run.sh on a machine without an NVIDIA GPU stops at once — before any build — with its own exit code (3) and
/// a message saying so. NVIDIA_SMI points the script's probe at a missing tool, or at one that lists no device.
/// </summary>
public sealed class GpuScriptTests(ITestOutputHelper output)
{
    private static string Script => TestPaths.Repo("bench", "gpu", "run.sh");

    [SkippableFact]
    public void The_script_parses()
    {
        var result = ExternalTool.Run("bash", ["-n", Script]);
        Assert.True(result.ExitCode == 0, result.Combined);
    }

    [SkippableTheory]
    [InlineData("/nonexistent/nvidia-smi", "nvidia-smi not found")]
    [InlineData("false", "lists no device")]
    public void Without_a_gpu_it_stops_at_once_with_exit_code_3(string probe, string why)
    {
        var clock = Stopwatch.StartNew();
        var result = ExternalTool.Run("env", [$"NVIDIA_SMI={probe}", "bash", Script], TimeSpan.FromSeconds(30));
        output.WriteLine(result.Combined);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no NVIDIA GPU on this machine", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(why, result.StandardError, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [SkippableFact]
    public void An_unknown_option_is_a_usage_error()
    {
        var result = ExternalTool.Run("env", ["NVIDIA_SMI=/nonexistent", "bash", Script, "--gpus", "8"], TimeSpan.FromSeconds(30));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: bench/gpu/run.sh", result.StandardError, StringComparison.Ordinal);
    }
}
