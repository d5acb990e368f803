namespace PipelineSeg.Testing;

/// <summary>
/// Something a test needs that a fresh clone with only the .NET SDK lacks (the shared data set, a Debian tool, a Python
/// module). A test that lacks it is skipped with <see cref="MissingMarker"/>, its name and how to provide it, never failed.
/// </summary>
internal sealed class Prerequisite(string name, string howToProvide, Func<bool> probe)
{
    /// <summary>The text every such skip reason starts with; .ci/run fails when it finds it in the test log.</summary>
    public const string MissingMarker = "missing prerequisite";

    // Probed once per test process: starting python3 to import torch costs seconds.
    private readonly Lazy<bool> _present = new(probe);

    /// <summary>The name used in skip reasons and in PIPELINESEG_DISABLE_PREREQUISITES (a Debian package name where there is one).</summary>
    public string Name { get; } = name;

    public string HowToProvide { get; } = howToProvide;

    public string SkipReason => $"{MissingMarker}: {Name} ({HowToProvide})";

    /// <summary>Present when it works here and the environment does not disable it.</summary>
    public bool IsPresent => IsPresentUnless(DisabledPrerequisites.FromEnvironment());

    public bool IsPresentUnless(DisabledPrerequisites disabled) => !disabled.Contains(Name) && _present.Value;

    /// <summary>Skips the calling test when the prerequisite is missing.</summary>
    public void Require()
    {
        if (!IsPresent)
        {
            throw new SkipException(SkipReason);
        }
    }
}
