using PipelineSeg.Host.Cli;

namespace PipelineSeg.Host.Tests.Cli;

/// <summary>Runs the CLI in-process with captured output.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
