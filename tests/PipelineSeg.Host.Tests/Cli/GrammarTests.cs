using System.CommandLine;
using PipelineSeg.Host.Cli;

namespace PipelineSeg.Host.Tests.Cli;

/// <summary>One CLI grammar: a name or short form means the same in every command; inputs are --input; results have --json.</summary>
public sealed class GrammarTests
{
    private static readonly RootCommand Root = CliApplication.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null));

    private static IEnumerable<(Command Command, Option Option)> AllOptions() =>
        Root.Subcommands.SelectMany(c => c.Options.Select(o => (c, o))).Concat(Root.Options.Select(o => ((Command)Root, o)));

    [SkippableFact]
    public void Every_short_form_has_one_meaning_across_commands()
    {
        var meanings = AllOptions()
            .SelectMany(x => x.Option.Aliases.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => (Alias: a, Name: x.Option.Name, Command: x.Command.Name)))
            .GroupBy(x => x.Alias)
            .Where(g => g.Select(x => x.Name).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => $"{x.Name} in {x.Command}"))}")
            .ToList();
        Assert.True(meanings.Count == 0, string.Join('\n', meanings));
    }

    [SkippableFact]
    public void An_option_name_has_the_same_short_form_in_every_command()
    {
        var differing = AllOptions()
            .GroupBy(x => x.Option.Name)
            .Where(g => g.Select(x => string.Join(',', x.Option.Aliases.Order(StringComparer.Ordinal))).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join("; ", g.Select(x => $"{x.Command.Name} [{string.Join(',', x.Option.Aliases)}]"))}")
            .ToList();
        Assert.True(differing.Count == 0, string.Join('\n', differing));
    }

    [SkippableTheory]
    [InlineData("batch")]
    [InlineData("convert")]
    [InlineData("inspect")]
    public void Commands_that_read_a_path_take_it_as_input(string name)
    {
        var command = Root.Subcommands.Single(c => c.Name == name);
        var input = Assert.Single(command.Options, o => o.Name == "--input");
        Assert.Contains("-i", input.Aliases);
        Assert.All(command.Arguments, a => Assert.True(a.Hidden, $"{name} shows a positional {a.Name}: the path is --input"));
    }

    [SkippableTheory]
    [InlineData("batch")]
    [InlineData("compare")]
    [InlineData("convert")]
    [InlineData("evaluate")]
    [InlineData("inspect")]
    [InlineData("models")]
    [InlineData("phantom")]
    public void Commands_that_report_offer_json(string name) =>
        Assert.Contains(Root.Subcommands.Single(c => c.Name == name).Options, o => o.Name == "--json");

    [SkippableFact]
    public async Task Choices_are_shown_lowercase_as_they_are_typed()
    {
        var (code, output, _) = await CliRun.RunAsync("phantom", "--help");
        Assert.Equal(0, code);
        Assert.Contains("<dicom|nifti|npy>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Dicom|", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Root_help_states_the_exit_codes()
    {
        var (_, output, _) = await CliRun.RunAsync("--help");
        Assert.Contains("Exit codes: 0", output, StringComparison.Ordinal);
        Assert.Contains("2 usage or configuration error", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Inspect_help_says_what_is_read_by_default_and_with_deep()
    {
        var (_, output, _) = await CliRun.RunAsync("inspect", "--help");
        Assert.Contains("--deep", output, StringComparison.Ordinal);
        Assert.Contains("only headers are read", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Evaluate_no_longer_takes_p_for_prediction()
    {
        var (code, _, error) = await CliRun.RunAsync("evaluate", "-p", "a.nii", "--ground-truth", "b.nii");
        Assert.Equal(2, code);
        Assert.Contains("-p", error, StringComparison.Ordinal);
    }
}
