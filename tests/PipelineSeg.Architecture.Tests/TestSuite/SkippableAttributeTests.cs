using System.Text.RegularExpressions;

namespace PipelineSeg.Architecture.Tests.TestSuite;

/// <summary>
/// xunit's plain Fact and Theory attributes report a missing prerequisite as a failure, so every test in tests/ uses
/// SkippableFact or SkippableTheory. Fix with:
/// sed -i -E 's/\[Fact\b/[SkippableFact/g; s/\[Theory\b/[SkippableTheory/g' FILE.cs
/// </summary>
public sealed partial class SkippableAttributeTests
{
    [SkippableFact]
    public void Every_test_can_report_a_missing_prerequisite_as_skipped()
    {
        var plain = Directory.GetFiles(TestPaths.Repo("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => PlainAttribute().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(TestPaths.RepositoryRoot, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(plain.Count == 0, "plain Fact/Theory attributes in: " + string.Join(", ", plain));
    }

    [GeneratedRegex(@"\[\s*(?:Xunit\.)?(?:Fact|Theory)\s*[\](,]")]
    private static partial Regex PlainAttribute();
}
