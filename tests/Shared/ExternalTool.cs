using System.Diagnostics;

namespace PipelineSeg.Testing;

/// <summary>
/// Runs the real reference tools the suite checks against, with a timeout so a hung tool fails the test. A tool or
/// Python module that is not installed skips the test with the missing prerequisite named (see <see cref="Prerequisites"/>).
/// </summary>
internal static class ExternalTool
{
    /// <summary>Debian's interpreter: it has torch, pydicom, nibabel and scipy (the pyenv python3 on PATH has not).</summary>
    public const string Python = "/usr/bin/python3";

    public static ExternalToolResult Run(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var list = arguments.ToList();
        foreach (var prerequisite in Prerequisites.ForCommand(fileName, list))
        {
            prerequisite.Require();
        }
        return Start(fileName, list, timeout ?? TimeSpan.FromMinutes(2), workingDirectory);
    }

    /// <summary>Runs an inline Python script with Debian's python3; fails the test with the script's stderr when it fails.</summary>
    public static string RunPython(string script, params string[] arguments)
    {
        var result = Run(Python, ["-c", script, .. arguments], TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"python failed ({result.ExitCode}): {result.StandardError}");
        }
        return result.StandardOutput;
    }

    /// <summary>True when the tool is an executable on PATH (or an absolute path to one).</summary>
    public static bool IsAvailable(string fileName) => PrerequisiteProbes.IsExecutable(fileName);

    /// <summary>Starts the process without checking prerequisites (the probes use it).</summary>
    internal static ExternalToolResult Start(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', psi.ArgumentList)} did not finish in time");
        }
        return new ExternalToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
