namespace PipelineSeg.Architecture.Tests.Dependencies;

/// <summary>The dependency rule on what the .csproj files declare: a forbidden reference fails even when no code uses it yet.</summary>
public sealed class ProjectReferenceTests
{
    [SkippableFact]
    public void Every_src_project_has_a_rule()
    {
        var uncovered = RepositoryProjects.Source.Where(p => !DependencyRule.Covers(p.Name)).Select(p => p.Name).ToList();
        Assert.True(uncovered.Count == 0, $"no dependency rule for {string.Join(", ", uncovered)}: add it to DependencyRule");
    }

    [SkippableTheory]
    [MemberData(nameof(RepositoryProjects.SourceNames), MemberType = typeof(RepositoryProjects))]
    public void References_only_projects_the_rule_allows(string name)
    {
        var project = RepositoryProjects.Named(name);
        var allowed = DependencyRule.Allowed(name, RepositoryProjects.Source.Select(p => p.Name));
        var violations = new List<string>();
        foreach (var reference in project.References.Where(r => !r.BuildOrderOnly))
        {
            if (reference.FullPath is null)
            {
                violations.Add($"{name} -> '{reference.Include}': cannot be checked, write the path literally");
            }
            else if (!allowed.Contains(reference.ProjectName) || !IsSourceProject(reference.FullPath))
            {
                violations.Add($"{name} -> {reference.ProjectName}: forbidden project reference in {Path.GetRelativePath(TestPaths.RepositoryRoot, project.Path)}");
            }
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static bool IsSourceProject(string path) => RepositoryProjects.Source.Any(p => p.Path == path);
}
