using System.Text.RegularExpressions;
using PipelineSeg.Host.Cli.Versioning;

namespace PipelineSeg.Host.Tests.Cli;

/// <summary><c>pipelineseg --version</c> prints the version and the commit the build embedded (or "unknown").</summary>
public sealed class VersionTests
{
    [SkippableFact]
    public async Task Version_prints_version_and_commit_on_one_line()
    {
        var (code, output, error) = await CliRun.RunAsync("--version");
        Assert.True(code == 0, error);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        Assert.Matches(new Regex(@"^pipelineseg \d+\.\d+\.\d+\S* \(commit ([0-9a-f]{40}|unknown)\)$"), line);
        Assert.Equal(BuildVersion.Current.ToString(), line);
    }

    [SkippableFact]
    public void The_build_embeds_the_commit_of_its_git_checkout_else_unknown()
    {
        // A worktree's .git is a file, a clone's a folder; a source archive has neither and gets the fallback.
        var checkout = File.Exists(TestPaths.Repo(".git")) || Directory.Exists(TestPaths.Repo(".git"));
        Assert.Matches(new Regex(checkout ? "^[0-9a-f]{40}$" : "^unknown$"), BuildVersion.Current.Commit);
    }

    [SkippableTheory]
    [InlineData("0.1.0+E46238560240c60ca143b18ec1125a44de7a4ab8", "0.1.0", "e46238560240c60ca143b18ec1125a44de7a4ab8")]
    [InlineData("0.1.0+unknown", "0.1.0", "unknown")]
    [InlineData("0.1.0", "0.1.0", "unknown")]
    [InlineData("1.2.3-rc.1+abc1234", "1.2.3-rc.1", "abc1234")]
    [InlineData(null, "0.0.0", "unknown")]
    public void Informational_version_splits_into_version_and_commit(string? informational, string version, string commit)
    {
        var parsed = BuildVersion.Parse(informational);
        Assert.Equal(version, parsed.Version);
        Assert.Equal(commit, parsed.Commit);
    }
}
