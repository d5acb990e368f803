using System.Diagnostics;

namespace PipelineSeg.Testing;

/// <summary>Result of running an external reference tool (dciodvfy, dcmdump, python3 with pydicom, dcm2niix…).</summary>
internal sealed record ExternalToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Combined => StandardOutput + StandardError;
}

/// <summary>Runs the real reference tools the suite checks against, with a timeout so a hung tool fails the test.</summary>
internal static class ExternalTool
{
    /// <summary>Debian's interpreter: it has torch, pydicom, nibabel and scipy (the pyenv python3 on PATH has not).</summary>
    public const string Python = "/usr/bin/python3";

    public static ExternalToolResult Run(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null, string? workingDirectory = null)
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
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', psi.ArgumentList)} did not finish in time");
        }
        return new ExternalToolResult(process.ExitCode, stdout.Result, stderr.Result);
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

    /// <summary>True when the tool is on PATH (or an absolute path that exists).</summary>
    public static bool IsAvailable(string fileName)
    {
        if (Path.IsPathRooted(fileName))
        {
            return File.Exists(fileName);
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':').Any(dir => File.Exists(Path.Combine(dir, fileName)));
    }
}
