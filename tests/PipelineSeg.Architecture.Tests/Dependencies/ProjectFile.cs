using System.Xml.Linq;

namespace PipelineSeg.Architecture.Tests.Dependencies;

/// <summary>One of our .csproj files (under src/ or plugins/) and the projects it references.</summary>
internal sealed record ProjectFile(string Name, string AssemblyName, string Folder, string Path, IReadOnlyList<ProjectReference> References)
{
    public static ProjectFile Load(string path)
    {
        var xml = XDocument.Load(path);
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var assemblyName = xml.Descendants("AssemblyName").Select(e => e.Value.Trim()).LastOrDefault() ?? name;
        var folder = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(path)))!;
        var references = xml.Descendants("ProjectReference")
            .Select(e => ProjectReference.From(e, System.IO.Path.GetDirectoryName(path)!))
            .ToList();
        return new ProjectFile(name, assemblyName, folder, path, references);
    }
}
