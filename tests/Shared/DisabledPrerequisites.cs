namespace PipelineSeg.Testing;

/// <summary>
/// PIPELINESEG_DISABLE_PREREQUISITES=all|name,name treats prerequisites as missing although they are installed, so the
/// skip path can be shown on a fully equipped machine (a bare-clone rehearsal). CI fails if anything is skipped this way.
/// </summary>
internal sealed class DisabledPrerequisites
{
    public const string Variable = "PIPELINESEG_DISABLE_PREREQUISITES";

    private readonly HashSet<string> _names;
    private readonly bool _all;

    private DisabledPrerequisites(HashSet<string> names)
    {
        _all = names.Contains("all");
        _names = names;
    }

    public static DisabledPrerequisites FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));

    public static DisabledPrerequisites Parse(string? value) =>
        new((value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    public bool Contains(string name) => _all || _names.Contains(name);
}
