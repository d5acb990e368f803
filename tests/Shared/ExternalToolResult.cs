namespace PipelineSeg.Testing;

/// <summary>Result of running an external reference tool (dciodvfy, dcmdump, python3 with pydicom, dcm2niix…).</summary>
internal sealed record ExternalToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Combined => StandardOutput + StandardError;
}
