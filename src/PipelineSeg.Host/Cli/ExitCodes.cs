namespace PipelineSeg.Host.Cli;

/// <summary>Process exit codes every command uses (documented in README and DESIGN).</summary>
public static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Ok = 0;

    /// <summary>Some inputs failed; each is reported (and quarantined where that applies).</summary>
    public const int InputsFailed = 1;

    /// <summary>Bad command line or configuration; nothing was processed.</summary>
    public const int UsageOrConfiguration = 2;
}
