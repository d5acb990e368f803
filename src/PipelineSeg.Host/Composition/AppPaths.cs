namespace PipelineSeg.Host.Composition;

/// <summary>Resolves configured paths: relative ones are relative to the application folder, not the working directory.</summary>
internal static class AppPaths
{
    /// <summary>An absolute path for a configured one.</summary>
    public static string Resolve(string path) =>
        Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
}
