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

    /// <summary>The lines <c>--help</c> shows (README says the same).</summary>
    public const string Help = "Exit codes: 0 all good; 1 some inputs failed or none were found (each reported on standard error "
        + "or in the summary); 2 usage or configuration error (nothing was processed).";
}
