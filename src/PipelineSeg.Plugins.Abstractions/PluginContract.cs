namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// Version of the plugin contract this assembly defines. Minor versions only add members; a major version breaks.
/// A plugin built against contract <c>M.n</c> runs on a host with contract <c>M.m</c> where <c>m ≥ n</c>.
/// </summary>
public static class PluginContract
{
    /// <summary>
    /// The contract version implemented by this assembly. 2.0: the contract references no engine; models name their
    /// execution backend (<see cref="ModelManifest.Backend"/>, <see cref="IExecutionBackend"/>); Monte-Carlo sampling left
    /// the model for the pipeline (<see cref="ISegmentationModel.EnableStochasticMode"/> replaces PredictMonteCarlo).
    /// 2.1 adds <see cref="ISegmentationCritic"/> (<see cref="ISegmentationModel.Critic"/>, default none), the family
    /// wrappers' shared base <see cref="BatchedSegmentationModel"/>, <see cref="ModelCreationContext.Device"/> and <see cref="ModelCreationContext.Precision"/>,
    /// <see cref="IModelPlacement"/> and model packages without an assembly (<see cref="PluginManifest.IsModelPackage"/>).
    /// </summary>
    public static Version Version { get; } = new(2, 1);

    /// <summary>The manifest every plugin folder carries next to its assembly.</summary>
    public const string ManifestFileName = "plugin.json";

    /// <summary>True when a plugin built against <paramref name="builtAgainst"/> can run on this contract.</summary>
    public static bool IsCompatible(Version builtAgainst)
    {
        ArgumentNullException.ThrowIfNull(builtAgainst);
        return builtAgainst.Major == Version.Major && builtAgainst.Minor <= Version.Minor;
    }
}
