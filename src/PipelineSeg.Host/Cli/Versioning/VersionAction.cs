using System.CommandLine;
using System.CommandLine.Invocation;

namespace PipelineSeg.Host.Cli.Versioning;

/// <summary><c>pipelineseg --version</c>: one line with the version and the commit (the default prints only the raw informational version).</summary>
internal sealed class VersionAction(TextWriter output) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        output.WriteLine(BuildVersion.Current.ToString());
        return ExitCodes.Ok;
    }
}
