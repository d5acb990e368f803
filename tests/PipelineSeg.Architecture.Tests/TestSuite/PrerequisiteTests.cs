namespace PipelineSeg.Architecture.Tests.TestSuite;

/// <summary>
/// The mechanism that lets the README's test command pass on a bare clone: tests/Shared turns a missing prerequisite
/// into a skip that names it, and every test can report a skip.
/// </summary>
public sealed class PrerequisiteTests
{
    [SkippableFact]
    public void A_missing_prerequisite_skips_with_its_name_and_how_to_provide_it()
    {
        var missing = new Prerequisite("no-such-package", "apt-get install no-such-package", () => false);
        var error = Assert.Throws<SkipException>(missing.Require);
        Assert.Equal("missing prerequisite: no-such-package (apt-get install no-such-package)", error.Message);
        Assert.StartsWith(Prerequisite.MissingMarker, error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_present_prerequisite_can_be_disabled_by_name_or_all()
    {
        var present = new Prerequisite("dcmtk", "how", () => true);
        Assert.True(present.IsPresentUnless(DisabledPrerequisites.Parse(null)));
        Assert.True(present.IsPresentUnless(DisabledPrerequisites.Parse("dicom3tools, python3-torch")));
        Assert.False(present.IsPresentUnless(DisabledPrerequisites.Parse("python3-torch, DCMTK")));
        Assert.False(present.IsPresentUnless(DisabledPrerequisites.Parse("all")));
    }

    [SkippableFact]
    public void A_python_script_needs_python_its_modules_and_the_tools_it_names()
    {
        const string script = """
            import json, numpy as np
            from pydicom.dataset import Dataset
            import extract_references  # a local module: nothing to install
            subprocess.run(["cjpeg", "-quality", "90"], check=True)
            """;
        var names = Prerequisites.ForPythonScript(script).Select(p => p.Name).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["libjpeg-turbo-progs", "python3", "python3-numpy", "python3-pydicom"], names);
    }

    [SkippableFact]
    public void Commands_need_their_package_and_scripts_what_they_use()
    {
        Assert.Equal(["dcmtk"], Prerequisites.ForCommand("dcmdump", ["-q", "x.dcm"]).Select(p => p.Name));
        Assert.Equal(["dicom3tools"], Prerequisites.ForCommand("dciodvfy", ["x.dcm"]).Select(p => p.Name));
        Assert.Empty(Prerequisites.ForCommand("dotnet", ["pipelineseg.dll"]));
        var synthetic = Prerequisites.ForCommand(ExternalTool.Python, [TestPaths.Repo("tools", "dicom-codecs", "make_synthetic.py"), "/tmp/out"])
            .Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "python3", "python3-pydicom", "python3-numpy", "python3-pil", "dcmtk", "libjpeg-turbo-progs" }, synthetic);
    }

    [SkippableFact]
    public void Probes_tell_a_working_tool_from_a_missing_one()
    {
        Assert.True(PrerequisiteProbes.IsExecutable("sh"));
        Assert.False(PrerequisiteProbes.IsExecutable("pipelineseg-no-such-tool"));
        Assert.False(PrerequisiteProbes.IsExecutable(TestPaths.Repo("README.md")));
        Skip.IfNot(Prerequisites.Python.IsPresent, Prerequisites.Python.SkipReason);
        Assert.False(PrerequisiteProbes.PythonImports("pipelineseg_no_such_module"));
        Assert.True(PrerequisiteProbes.PythonImports("json"));
    }

    [SkippableFact]
    public void Every_prerequisite_has_a_distinct_name()
    {
        var names = Prerequisites.All.Select(p => p.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
