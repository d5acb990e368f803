namespace PipelineSeg.Architecture.Tests.Dependencies;

/// <summary>
/// The dependency rule between our src projects: Tensors ← Nn (the engine); Dicom, Imaging and Plugins.Abstractions are
/// leaves (the plugin contract names no engine); Phantoms → Imaging, Dicom, Tensors (its .npy writer); Pipeline → Plugins.Abstractions, Dicom,
/// Imaging; Plugins.Hosting → Plugins.Abstractions, Pipeline (it implements Pipeline's IModelProvider); Reporting (overlays,
/// plots, reports) → Pipeline, Imaging, Dicom, Plugins.Abstractions; Comparison (labelled datasets, `compare`) → Pipeline,
/// Reporting, Imaging, Dicom, Plugins.Abstractions, Tensors (its .npy reader); Jobs (the job journal) is a leaf; Host composes
/// every src project. Nothing in src/ uses plugins/. What a project may use is closed under this relation (Host using
/// Dicom through Pipeline is the same layering as using it directly).
/// </summary>
internal static class DependencyRule
{
    public const string Host = "PipelineSeg.Host";

    private static readonly Dictionary<string, string[]> Direct = new(StringComparer.Ordinal)
    {
        ["PipelineSeg.Tensors"] = [],
        ["PipelineSeg.Nn"] = ["PipelineSeg.Tensors"],
        ["PipelineSeg.Dicom"] = [],
        ["PipelineSeg.Imaging"] = [],
        ["PipelineSeg.Phantoms"] = ["PipelineSeg.Imaging", "PipelineSeg.Dicom", "PipelineSeg.Tensors"], // Tensors: NpyFile for `phantom --format npy`
        ["PipelineSeg.Plugins.Abstractions"] = [],
        ["PipelineSeg.Pipeline"] = ["PipelineSeg.Plugins.Abstractions", "PipelineSeg.Dicom", "PipelineSeg.Imaging"],
        ["PipelineSeg.Plugins.Hosting"] = ["PipelineSeg.Plugins.Abstractions", "PipelineSeg.Pipeline"],
        ["PipelineSeg.Reporting"] = ["PipelineSeg.Pipeline", "PipelineSeg.Imaging", "PipelineSeg.Dicom", "PipelineSeg.Plugins.Abstractions"],
        ["PipelineSeg.Comparison"] = ["PipelineSeg.Pipeline", "PipelineSeg.Reporting", "PipelineSeg.Imaging", "PipelineSeg.Dicom", "PipelineSeg.Plugins.Abstractions", "PipelineSeg.Tensors"],
        ["PipelineSeg.Jobs"] = [], // the journal stores hashes and versions: it needs no DICOM or pipeline type
    };

    /// <summary>True when the rule says what <paramref name="project"/> may use (a new src project needs a line here).</summary>
    public static bool Covers(string project) => project == Host || Direct.ContainsKey(project);

    /// <summary>Our projects <paramref name="project"/> may use, itself excluded; Host may use every src project.</summary>
    public static IReadOnlySet<string> Allowed(string project, IEnumerable<string> sourceProjects)
    {
        if (project == Host)
        {
            return sourceProjects.Where(p => p != Host).ToHashSet(StringComparer.Ordinal);
        }
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Direct.GetValueOrDefault(project, []));
        while (pending.TryPop(out var next))
        {
            if (allowed.Add(next))
            {
                foreach (var further in Direct.GetValueOrDefault(next, []))
                {
                    pending.Push(further);
                }
            }
        }
        return allowed;
    }
}
