namespace PipelineSeg.Host.Intake.Routing;

/// <summary>
/// Names of routed claims: <c>&lt;claim&gt;~&lt;pipeline&gt;</c> under work/, done/ and failed/, one per pipeline a series
/// was routed to. The name carries the decision, so a restart queues a routed claim for its pipeline without routing it
/// again; its results go to <c>&lt;Output&gt;/&lt;pipeline&gt;/&lt;series&gt;</c>.
/// </summary>
internal static class RoutedWork
{
    /// <summary>Separates the claim from the pipeline (claim names are hashes with dashes; they never contain it).</summary>
    public const char Separator = '~';

    /// <summary>The name of <paramref name="claim"/> routed to <paramref name="pipeline"/>.</summary>
    public static string Name(string claim, string pipeline) => claim + Separator + Folder(pipeline);

    /// <summary>True when <paramref name="workName"/> is a routed claim.</summary>
    public static bool IsRouted(string workName) => workName.Contains(Separator, StringComparison.Ordinal);

    /// <summary>The defined pipeline a routed claim is for, or null (not routed, or the pipeline is no longer defined).</summary>
    public static string? PipelineOf(string workName, IEnumerable<string> definedPipelines)
    {
        ArgumentNullException.ThrowIfNull(definedPipelines);
        var at = workName.LastIndexOf(Separator);
        return at < 0 ? null : definedPipelines.FirstOrDefault(p => string.Equals(Folder(p), workName[(at + 1)..], StringComparison.Ordinal));
    }

    /// <summary>A pipeline name as a folder name: characters a file system refuses (or that read as a path) become '_'.</summary>
    public static string Folder(string pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var invalid = Path.GetInvalidFileNameChars();
        var chars = pipeline.Select(c => invalid.Contains(c) || c is '\\' or '/' or ':' or Separator || char.IsControl(c) ? '_' : c).ToArray();
        var name = new string(chars);
        return name is "." or ".." or "" ? "_" + name : name;
    }

    /// <summary>The folder results of <paramref name="workName"/> go to: per pipeline when it was routed.</summary>
    public static string ResultRoot(string output, string workName, string pipeline) =>
        IsRouted(workName) ? Path.Combine(output, Folder(pipeline)) : output;
}
