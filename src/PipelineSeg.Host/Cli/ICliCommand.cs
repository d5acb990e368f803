using System.CommandLine;

namespace PipelineSeg.Host.Cli;

/// <summary>
/// One <c>pipelineseg</c> subcommand. Implementations in this assembly are discovered by <see cref="CliApplication"/>,
/// so adding a command is adding one file: a sealed class with a public parameterless constructor that builds its
/// <see cref="Command"/> (options, help text and an action returning an <see cref="ExitCodes"/> value).
/// </summary>
internal interface ICliCommand
{
    /// <summary>Builds the command; <paramref name="context"/> gives the output writers and the host factory.</summary>
    Command Build(CliContext context);
}
