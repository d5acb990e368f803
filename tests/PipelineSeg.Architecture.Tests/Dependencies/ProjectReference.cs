using System.Xml.Linq;

namespace PipelineSeg.Architecture.Tests.Dependencies;

/// <summary>
/// A &lt;ProjectReference&gt; as written. One with ReferenceOutputAssembly="false" only orders the build (Host builds the
/// bundled plugins that way) and gives no access to the referenced code, so the rule does not apply to it.
/// </summary>
internal sealed record ProjectReference(string Include, string? FullPath, bool BuildOrderOnly)
{
    public static ProjectReference From(XElement element, string projectFolder)
    {
        var include = element.Attribute("Include")?.Value ?? string.Empty;
        var buildOrderOnly = string.Equals(Setting(element, "ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase);
        // An item transform or property cannot be resolved without MSBuild; such a reference is reported, not guessed.
        var literal = !include.Contains("$(", StringComparison.Ordinal) && !include.Contains("@(", StringComparison.Ordinal);
        return new ProjectReference(include, literal ? Path.GetFullPath(Path.Combine(projectFolder, include)) : null, buildOrderOnly);
    }

    public string ProjectName => Path.GetFileNameWithoutExtension(FullPath ?? Include);

    private static string? Setting(XElement element, string name) =>
        element.Attribute(name)?.Value ?? element.Element(name)?.Value;
}
