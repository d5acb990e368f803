namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// Assemblies a plugin always gets from the host, matched by simple name and ignoring version, so that types crossing
/// the boundary (the contract, tensors, loggers) are the same types on both sides. A copy shipped in a plugin folder is ignored.
/// </summary>
public static class SharedAssemblies
{
    /// <summary>
    /// The default shared set: the contract, the builtin engine (Nn on Tensors, one copy and one thread budget for every
    /// model family that runs on it; the contract itself does not reference it), and the logging/DI abstractions.
    /// </summary>
    public static IReadOnlySet<string> Default { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "PipelineSeg.Plugins.Abstractions",
        "PipelineSeg.Nn",
        "PipelineSeg.Tensors",
        "System.Numerics.Tensors",
        "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.DependencyInjection.Abstractions",
        "Microsoft.Extensions.Primitives",
    };

    /// <summary>Simple name of the contract assembly.</summary>
    public static string ContractAssemblyName { get; } = typeof(Abstractions.ISegmentationModelPlugin).Assembly.GetName().Name!;
}
