using System.Reflection;
using System.Text.RegularExpressions;

namespace PipelineSeg.Host.Cli.Versioning;

/// <summary>
/// The product version and the source commit it was built from. The build embeds the commit in the informational
/// version ("0.1.0+&lt;sha&gt;", from git through SourceRevisionId; "unknown" when built outside a git checkout).
/// </summary>
internal sealed partial record BuildVersion(string Version, string Commit)
{
    /// <summary>What a build without a commit reports.</summary>
    public const string UnknownCommit = "unknown";

    /// <summary>The version of the running <c>pipelineseg</c>.</summary>
    public static BuildVersion Current { get; } =
        Parse(typeof(BuildVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>Splits an informational version ("1.2.3+sha" or "1.2.3") into version and commit.</summary>
    public static BuildVersion Parse(string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(informationalVersion))
        {
            return new BuildVersion("0.0.0", UnknownCommit);
        }
        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return new BuildVersion(informationalVersion.Trim(), UnknownCommit);
        }
        var commit = informationalVersion[(plus + 1)..].Trim();
        return new BuildVersion(informationalVersion[..plus].Trim(), CommitPattern().IsMatch(commit) ? commit.ToLowerInvariant() : UnknownCommit);
    }

    /// <summary>The line <c>pipelineseg --version</c> prints.</summary>
    public override string ToString() => $"pipelineseg {Version} (commit {Commit})";

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$")]
    private static partial Regex CommitPattern();
}
