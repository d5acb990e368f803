namespace PipelineSeg.Testing;

/// <summary>Checks that a prerequisite really works here, not merely that its name exists somewhere.</summary>
internal static class PrerequisiteProbes
{
    /// <summary>True when <paramref name="fileName"/> is an executable file (links resolved) on PATH, or at that absolute path.</summary>
    public static bool IsExecutable(string fileName)
    {
        var candidates = Path.IsPathRooted(fileName)
            ? [fileName]
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, fileName));
        return candidates.Any(IsExecutableFile);
    }

    /// <summary>True when Debian's python3 imports <paramref name="module"/> (a module can be installed yet broken).</summary>
    public static bool PythonImports(string module)
    {
        if (!IsExecutable(ExternalTool.Python))
        {
            return false;
        }
        try
        {
            return ExternalTool.Start(ExternalTool.Python, ["-c", "import " + module], TimeSpan.FromMinutes(2)).ExitCode == 0;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static bool IsExecutableFile(string path)
    {
        var file = new FileInfo(path);
        var target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
        return target is { Exists: true }
            && (target.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
