namespace PipelineSeg.Host.Tests.Cli;

public sealed class JobsCommandTests
{
    [SkippableFact]
    public async Task Without_a_journal_jobs_lists_nothing_says_where_it_looked_and_creates_nothing()
    {
        var root = TestPaths.NewTempDirectory("jobs-cli");
        try
        {
            var (inbox, output) = (Path.Combine(root, "in"), Path.Combine(root, "out"));
            var (code, stdout, error) = await CliRun.RunAsync("jobs", "--inbox", inbox, "--output", output, "--json");
            Assert.Equal(0, code);
            Assert.Equal("[]", stdout.Trim());
            Assert.Contains("no job journal at " + Path.Combine(output, ".pipelineseg", "state", "journal.db"), error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(output));

            var (retryCode, _, retryError) = await CliRun.RunAsync("jobs", "retry", "3", "--inbox", inbox, "--output", output);
            Assert.Equal(1, retryCode);
            Assert.Contains("not retried: no job journal", retryError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableTheory]
    [InlineData("--state", "done")]
    [InlineData("retry", "x")]
    public async Task A_bad_state_or_id_is_a_usage_error(string first, string second)
    {
        var (code, _, _) = await CliRun.RunAsync("jobs", first, second);
        Assert.Equal(2, code);
    }
}
