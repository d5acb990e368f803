using System.Reflection;
using NetArchTest.Rules;

namespace PipelineSeg.Architecture.Tests.Dependencies;

/// <summary>
/// The dependency rule on the compiled code: no type of a src assembly uses a type (base, field, signature, body,
/// attribute) from one of our assemblies the rule forbids, nor from a plugin. Namespaces start with the project name.
/// </summary>
public sealed class TypeDependencyTests
{
    [SkippableTheory]
    [MemberData(nameof(RepositoryProjects.SourceNames), MemberType = typeof(RepositoryProjects))]
    public void Uses_only_types_the_rule_allows(string name)
    {
        var project = RepositoryProjects.Named(name);
        var assembly = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, project.AssemblyName + ".dll"));
        // Guards the namespace-to-project mapping below: an assembly whose types live elsewhere would pass vacuously.
        Assert.Contains(assembly.GetTypes(), t => t.Namespace?.StartsWith(name, StringComparison.Ordinal) == true);

        var sourceNames = RepositoryProjects.Source.Select(p => p.Name).ToList();
        var allowed = DependencyRule.Allowed(name, sourceNames);
        var forbidden = sourceNames.Concat(RepositoryProjects.Plugins.Select(p => p.Name))
            .Where(other => other != name && !allowed.Contains(other));
        var violations = new List<string>();
        foreach (var other in forbidden)
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn(other).GetResult();
            if (!result.IsSuccessful)
            {
                violations.Add($"{name} -> {other}: used by {string.Join(", ", result.FailingTypeNames.Order(StringComparer.Ordinal))}");
            }
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
