namespace PipelineSeg.Host.Options;

/// <summary>Where <c>serve</c> keeps its own files and how it names inputs in logs (section <c>Service</c>).</summary>
public sealed class ServiceOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Service";

    /// <summary>
    /// Folder for the service's own files: the health file and <c>state/</c> (the id key and the job journal). Empty: <c>.pipelineseg</c> inside the first watch folder's output. Relative paths
    /// are resolved against the application folder.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Also log the full path of each input beside its short id. Off by default: PACS exports are often named after
    /// the patient, and logs travel further than the data.
    /// </summary>
    public bool LogFullPaths { get; set; }

    /// <summary>
    /// This instance's name in the job journal (the owner of the jobs it runs). Must stay the same across restarts, so a
    /// restart takes back exactly its own unfinished jobs; must differ between instances sharing one journal.
    /// Empty: the machine name.
    /// </summary>
    public string? InstanceName { get; set; }
}
