using System.Reflection;
using Microsoft.Extensions.Logging;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// The sharing contract between host and plugins: assemblies a plugin always gets from the host, matched by simple name
/// whatever version it was compiled against, so that types crossing the boundary (the contract, the builtin engine's
/// tensors and modules, loggers) are one type on both sides. A copy shipped in a plugin folder is ignored; everything
/// else, managed or native, comes from the plugin's own <c>.deps.json</c>.
/// </summary>
public static class SharedAssemblies
{
    /// <summary>
    /// The default shared set: the contract, the builtin engine (Nn on Tensors and System.Numerics.Tensors: one copy and
    /// one thread budget for every family that runs on it; the contract does not reference it, so it is named here), and
    /// the Microsoft.Extensions abstractions plugins may log or resolve through.
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

    /// <summary>
    /// Types this project sees of the shared assemblies, handed to McMaster's loader as its <c>sharedTypes</c>; the others
    /// (engine assemblies the hosting layer must not reference) are shared by name.
    /// </summary>
    public static IReadOnlyList<Type> KnownTypes { get; } = [typeof(ISegmentationModelPlugin), typeof(ILogger)];

    /// <summary>Simple name of the contract assembly.</summary>
    public static string ContractAssemblyName { get; } = typeof(ISegmentationModelPlugin).Assembly.GetName().Name!;

    /// <summary>Splits <paramref name="names"/> into McMaster's shared types and the remaining assembly names.</summary>
    internal static (Type[] Types, List<AssemblyName> Names) Split(IReadOnlySet<string> names)
    {
        var types = KnownTypes.Where(t => names.Contains(t.Assembly.GetName().Name!)).ToArray();
        var byType = types.Select(t => t.Assembly.GetName().Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (types, [.. names.Where(n => !byType.Contains(n)).Order(StringComparer.Ordinal).Select(n => new AssemblyName(n))]);
    }
}
