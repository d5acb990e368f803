namespace PipelineSeg.Testing;

/// <summary>Locates the repository, its committed fixtures and the shared sample data (../shared) for tests.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding PipelineSeg.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>../shared beside the checkout, or PIPELINESEG_SHARED when set; whether or not it exists.</summary>
    public static string SharedPath
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("PIPELINESEG_SHARED");
            return string.IsNullOrEmpty(fromEnv) ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared")) : fromEnv;
        }
    }

    /// <summary>The shared sample data; skips the calling test (missing prerequisite: shared-data) when it is absent.</summary>
    public static string SharedRoot
    {
        get
        {
            Prerequisites.SharedData.Require();
            return SharedPath;
        }
    }

    public static string DicomSamples => Path.Combine(SharedRoot, "dicom-samples");

    public static string Datasets => Path.Combine(SharedRoot, "datasets");

    /// <summary>A path inside the repository, e.g. Repo("tests", "fixtures", "x.npy").</summary>
    public static string Repo(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    /// <summary>A fresh temporary directory that the caller deletes.</summary>
    public static string NewTempDirectory(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PipelineSeg.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"PipelineSeg.sln not found above {AppContext.BaseDirectory}");
    }
}
