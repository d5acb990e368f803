namespace PipelineSeg.Host.Intake;

/// <summary>How an input arrived in a watched folder.</summary>
internal enum IntakeSourceKind
{
    /// <summary>A subfolder of the watched folder (PACS writes one folder per export): one job.</summary>
    ExportFolder,

    /// <summary>Files dropped directly into the watched folder: grouped by series, one job per series.</summary>
    LooseFiles,
}
