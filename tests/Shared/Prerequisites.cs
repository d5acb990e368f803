using System.Text.RegularExpressions;

namespace PipelineSeg.Testing;

/// <summary>
/// Every prerequisite the suite knows, and which ones a tool call or a Python script needs. `.ci/install-prerequisites`
/// installs all the Debian ones; the shared data set cannot be installed and must be provided.
/// </summary>
internal static partial class Prerequisites
{
    private const string Install = "sudo bash .ci/install-prerequisites";

    /// <summary>The sample data set (real DICOM samples and public data sets), never committed.</summary>
    public static Prerequisite SharedData { get; } = new("shared-data",
        $"the PipelineSeg sample data set, looked for at '{TestPaths.SharedPath}': put it beside the checkout as ../shared or set PIPELINESEG_SHARED=DIR",
        () => Directory.Exists(TestPaths.SharedPath));

    public static Prerequisite Python { get; } = new("python3",
        $"Debian's {ExternalTool.Python}: {Install}", () => PrerequisiteProbes.IsExecutable(ExternalTool.Python));

    /// <summary>Python modules the reference scripts import, by module name, as Debian packages.</summary>
    private static readonly Dictionary<string, Prerequisite> PythonModules = new[]
    {
        ("pydicom", "python3-pydicom"), ("numpy", "python3-numpy"), ("scipy", "python3-scipy"), ("nibabel", "python3-nibabel"),
        ("torch", "python3-torch"), ("torchvision", "python3-torchvision"), ("h5py", "python3-h5py"), ("PIL", "python3-pil"),
    }.ToDictionary(m => m.Item1, m => new Prerequisite(m.Item2,
        $"'import {m.Item1}' in Debian's {ExternalTool.Python}: {Install}", () => PrerequisiteProbes.PythonImports(m.Item1)), StringComparer.Ordinal);

    // Filled by Tools() while ToolPackages initialises, so it is declared first.
    private static readonly Dictionary<string, Prerequisite> ByExecutable = new(StringComparer.Ordinal);

    /// <summary>Command-line tools the tests and scripts run, as Debian packages with the executables we use from each.</summary>
    private static readonly Prerequisite[] ToolPackages =
    [
        Tools("dcmtk", "dcmdump", "storescu", "storescp", "echoscu", "dcmcjpeg", "dcmdjpeg", "dcmcjpls", "dcmdjpls", "dcmcrle", "dcmdrle"),
        Tools("dicom3tools", "dciodvfy"),
        Tools("dcm2niix", "dcm2niix"),
        Tools("libjpeg-turbo-progs", "cjpeg", "djpeg"),
        Tools("plastimatch", "plastimatch"),
        Tools("chromium", "chromium"),
    ];

    /// <summary>Debian's headless Chromium, which opens report.html and summary.html in the browser checks.</summary>
    public static Prerequisite Chromium => ByExecutable["chromium"];

    /// <summary>dcmtk (storescp, storescu, echoscu, dcmdump…), for tests that start a peer themselves.</summary>
    public static Prerequisite Dcmtk => ByExecutable["storescp"];

    /// <summary>Debian's Orthanc (a PACS the network tests start on loopback ports; /usr/sbin is not always on PATH).</summary>
    public static Prerequisite Orthanc { get; } = new("orthanc", $"/usr/sbin/Orthanc: {Install}, or apt-get install orthanc",
        () => PrerequisiteProbes.IsExecutable("/usr/sbin/Orthanc"));

    /// <summary>
    /// Debian's PostgreSQL server binaries (initdb, pg_ctl): tests start a throwaway cluster of their own
    /// (<see cref="PostgresCluster"/>). As root, initdb must run as the <c>postgres</c> user the package creates.
    /// </summary>
    public static Prerequisite PostgreSql { get; } = new("postgresql",
        $"initdb and pg_ctl under /usr/lib/postgresql/<version>/bin (and, as root, runuser and the postgres user): {Install}",
        () => PostgreSqlBinaries is not null && (Environment.UserName != "root" || PrerequisiteProbes.IsExecutable("runuser")));

    /// <summary>The newest /usr/lib/postgresql/*/bin holding initdb and pg_ctl, or null.</summary>
    public static string? PostgreSqlBinaries => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => PrerequisiteProbes.IsExecutable(Path.Combine(b, "initdb")) && PrerequisiteProbes.IsExecutable(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
            .FirstOrDefault()
        : null;

    /// <summary>Every prerequisite, for listings and for the test of this mechanism.</summary>
    public static IEnumerable<Prerequisite> All => [SharedData, Python, .. PythonModules.Values, .. ToolPackages, Orthanc, PostgreSql];

    /// <summary>The prerequisites a call of <paramref name="fileName"/> with <paramref name="arguments"/> needs (none for dotnet, sh…).</summary>
    public static IEnumerable<Prerequisite> ForCommand(string fileName, IReadOnlyList<string> arguments)
    {
        if (fileName == ExternalTool.Python)
        {
            return ForPythonScript(PythonScriptText(arguments));
        }
        return ByExecutable.TryGetValue(Path.GetFileName(fileName), out var tool) ? [tool] : [];
    }

    /// <summary>python3, the modules the script imports and the tools it names in quotes (e.g. subprocess.run(["cjpeg", …])).</summary>
    public static IEnumerable<Prerequisite> ForPythonScript(string script)
    {
        yield return Python;
        foreach (Match line in ImportLine().Matches(script))
        {
            // "import a.b as c, d" names several modules, "from a.b import c" one.
            foreach (var module in line.Groups["modules"].Value.Split(','))
            {
                var root = module.Trim().Split([' ', '.'], 2)[0];
                if (PythonModules.TryGetValue(root, out var prerequisite))
                {
                    yield return prerequisite;
                }
            }
        }
        foreach (Match quoted in QuotedWord().Matches(script))
        {
            if (ByExecutable.TryGetValue(quoted.Groups["word"].Value, out var tool))
            {
                yield return tool;
            }
        }
    }

    /// <summary>The inline script of `python3 -c SCRIPT`, or the text of `python3 FILE.py`.</summary>
    private static string PythonScriptText(IReadOnlyList<string> arguments) => arguments switch
    {
        ["-c", var script, ..] => script,
        [var file, ..] when file.EndsWith(".py", StringComparison.Ordinal) && File.Exists(file) => File.ReadAllText(file),
        _ => string.Empty,
    };

    private static Prerequisite Tools(string package, params string[] executables)
    {
        var prerequisite = new Prerequisite(package, $"{string.Join(", ", executables)} on PATH: {Install}, or apt-get install {package}",
            () => executables.All(PrerequisiteProbes.IsExecutable));
        foreach (var executable in executables)
        {
            ByExecutable[executable] = prerequisite;
        }
        return prerequisite;
    }

    [GeneratedRegex(@"^\s*(?:from\s+(?<modules>[\w.]+)|import\s+(?<modules>[^\r\n#]+))", RegexOptions.Multiline)]
    private static partial Regex ImportLine();

    [GeneratedRegex("""["'](?<word>[\w.-]+)["']""")]
    private static partial Regex QuotedWord();
}
