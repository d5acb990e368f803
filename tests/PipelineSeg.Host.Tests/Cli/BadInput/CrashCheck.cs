namespace PipelineSeg.Host.Tests.Cli.BadInput;

/// <summary>What a command's result must look like under the error policy: exit code 0, 1 or 2; a reason when it failed; no stack trace.</summary>
internal static class CrashCheck
{
    /// <summary>Null when the result follows the policy, else what is wrong.</summary>
    public static string? Problem(int exitCode, string standardOutput, string standardError)
    {
        if (exitCode is not (0 or 1 or 2))
        {
            return $"exit code {exitCode}: {standardError}";
        }
        if (standardError.Contains("Unhandled exception", StringComparison.Ordinal) || standardError.Contains("\n   at ", StringComparison.Ordinal)
            || standardError.StartsWith("   at ", StringComparison.Ordinal))
        {
            return $"stack trace on standard error: {standardError}";
        }
        if (exitCode != 0 && standardError.Trim().Length == 0 && standardOutput.Trim().Length == 0)
        {
            return $"exit code {exitCode} without a reason";
        }
        return null;
    }
}
