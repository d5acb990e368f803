namespace PipelineSeg.Testing;

/// <summary>Locates the repository, its committed fixtures and the shared sample data (../shared) for tests.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding PipelineSeg.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>../shared beside the checkout, or PIPELINESEG_SHARED when set.</summary>
    public static string SharedRoot
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("PIPELINESEG_SHARED");
            var path = string.IsNullOrEmpty(fromEnv) ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared")) : fromEnv;
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"shared sample data not found at '{path}' (set PIPELINESEG_SHARED)");
            }
            return path;
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
