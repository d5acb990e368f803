using PipelineSeg.Dicom.Network.Scp;
using PipelineSeg.Dicom.Tests.Network.Support;

namespace PipelineSeg.Dicom.Tests.Network;

/// <summary>Our C-ECHO/C-STORE SCP against dcmtk's echoscu and storescu.</summary>
public sealed class DcmtkScpTests
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Echoscu_gets_a_successful_C_ECHO()
    {
        await using var scp = ScpFixture.Start();
        var result = ExternalTool.Run("echoscu", ["-aet", "MODALITY", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], ToolTimeout);
        Assert.True(result.ExitCode == 0, result.StandardError + scp.Logger.Text);
        await scp.Logger.WaitForAsync("released");
        Assert.Contains(scp.Handler.Ends, e => e.End == AssociationEnd.Released && e.Association.CallingAeTitle == "MODALITY");
    }

    [SkippableFact]
    public async Task Storescu_sends_a_series_that_arrives_whole_and_byte_identical_after_the_meta()
    {
        await using var scp = ScpFixture.Start();
        var files = Directory.GetFiles(TestPaths.Repo("samples", "dicom", "phantom-0001", "ct"), "*.dcm").Order(StringComparer.Ordinal).ToArray();
        var result = ExternalTool.Run("storescu", ["-aet", "MODALITY", "-aec", ScpFixture.AeTitle, "127.0.0.1", Port(scp), .. files], ToolTimeout);
        Assert.True(result.ExitCode == 0, result.StandardError + scp.Logger.Text);
        await scp.Logger.WaitForAsync("released");
        Assert.Equal(files.Length, scp.Handler.Stored.Count);
        Assert.Empty(scp.IncomingLeftovers());
        var first = scp.Handler.Stored.First(s => s.SopInstanceUid == ReadSopInstance(files[0]));
        using var sent = DicomFile.Open(files[0]);
        using var received = DicomFile.Open(first.Path);
        Assert.Equal(sent.Dataset.GetString(DicomTags.SeriesInstanceUID), received.Dataset.GetString(DicomTags.SeriesInstanceUID));
        Assert.Equal("MODALITY", received.FileMetaInformation.GetString(DicomTags.SourceApplicationEntityTitle));
        Assert.Equal(sent.Dataset.GetBytes(DicomTags.PixelData).ToArray(), received.Dataset.GetBytes(DicomTags.PixelData).ToArray());
    }

    [SkippableFact]
    public async Task Echoscu_calling_the_wrong_AE_title_is_rejected_with_a_log_line()
    {
        await using var scp = ScpFixture.Start();
        var result = ExternalTool.Run("echoscu", ["-aet", "MODALITY", "-aec", "SOMEONE_ELSE", "127.0.0.1", Port(scp)], ToolTimeout);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Called AE Title Not Recognized", result.StandardError + result.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("called AE title not recognized (permanent)", await scp.Logger.WaitForAsync("rejected"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_calling_AE_title_outside_the_allow_list_is_rejected()
    {
        await using var scp = ScpFixture.Start(s => s with { Policy = s.Policy with { AllowedCallingAeTitles = new HashSet<string>(["PACS"], StringComparer.Ordinal) } });
        var result = ExternalTool.Run("echoscu", ["-aet", "INTRUDER", "-aec", ScpFixture.AeTitle, "127.0.0.1", Port(scp)], ToolTimeout);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("calling AE title not recognized", await scp.Logger.WaitForAsync("rejected"), StringComparison.Ordinal);
        var allowed = ExternalTool.Run("echoscu", ["-aet", "PACS", "-aec", ScpFixture.AeTitle, "127.0.0.1", Port(scp)], ToolTimeout);
        Assert.True(allowed.ExitCode == 0, allowed.StandardError);
    }

    [SkippableFact]
    public async Task An_instance_over_MaxInstanceBytes_aborts_the_association_keeps_nothing_and_the_listener_keeps_serving()
    {
        await using var scp = ScpFixture.Start(s => s with { MaxInstanceBytes = 4096 });
        var file = Directory.GetFiles(TestPaths.Repo("samples", "dicom", "phantom-0001", "ct"), "*.dcm").Order(StringComparer.Ordinal).First();
        Assert.True(new FileInfo(file).Length > 4096);
        var result = ExternalTool.Run("storescu", ["-aet", "MODALITY", "-aec", ScpFixture.AeTitle, "127.0.0.1", Port(scp), file], ToolTimeout);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("instance larger than the 4096 bytes accepted", await scp.Logger.WaitForAsync("aborted by us"), StringComparison.Ordinal);
        Assert.Empty(scp.Handler.Stored);
        for (var i = 0; i < 100 && scp.IncomingLeftovers().Length > 0; i++)
        {
            await Task.Delay(100); // the partial file is removed as the association ends, just after the log line
        }
        Assert.Empty(scp.IncomingLeftovers());
        var echo = ExternalTool.Run("echoscu", ["-aet", "MODALITY", "-aec", ScpFixture.AeTitle, "127.0.0.1", Port(scp)], ToolTimeout);
        Assert.True(echo.ExitCode == 0, echo.StandardError + scp.Logger.Text);
    }

    private static string Port(ScpFixture scp) => scp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ReadSopInstance(string path)
    {
        using var file = DicomFile.Open(path, DicomReadOptions.HeaderOnly);
        return file.Dataset.GetString(DicomTags.SOPInstanceUID)!;
    }
}
