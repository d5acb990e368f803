namespace PipelineSeg.Architecture.Tests.Dependencies;

/// <summary>The projects on disk under src/ and plugins/, so a project added or removed by a change is checked without edits here.</summary>
internal static class RepositoryProjects
{
    private static readonly Lazy<IReadOnlyList<ProjectFile>> All = new(() =>
        new[] { "src", "plugins" }
            .SelectMany(folder => Directory.GetDirectories(TestPaths.Repo(folder)))
            .SelectMany(project => Directory.GetFiles(project, "*.csproj"))
            .Order(StringComparer.Ordinal)
            .Select(ProjectFile.Load)
            .ToList());

    public static IReadOnlyList<ProjectFile> Source => [.. All.Value.Where(p => p.Folder == "src")];

    public static IReadOnlyList<ProjectFile> Plugins => [.. All.Value.Where(p => p.Folder == "plugins")];

    public static ProjectFile Named(string name) => All.Value.Single(p => p.Name == name);

    public static TheoryData<string> SourceNames()
    {
        var data = new TheoryData<string>();
        foreach (var project in Source)
        {
            data.Add(project.Name);
        }
        return data;
    }
}
