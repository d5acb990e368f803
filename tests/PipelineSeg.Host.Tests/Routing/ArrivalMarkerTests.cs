using PipelineSeg.Host.Intake;

namespace PipelineSeg.Host.Tests.Routing;

/// <summary>The marker of a network series carries its calling AE title; any other marker names no sender.</summary>
public sealed class ArrivalMarkerTests : IDisposable
{
    private const string Marker = ".complete";
    private readonly string _folder = TestPaths.NewTempDirectory("arrival-marker");

    [SkippableFact]
    public void The_calling_ae_title_written_by_the_listener_reads_back()
    {
        ArrivalMarker.Write(Path.Combine(_folder, Marker), "PACS1");
        Assert.Equal("PACS1", ArrivalMarker.ReadCallingAeTitle(_folder, Marker));
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("done")]
    [InlineData("{\"callingAeTitle\": 5}")]
    [InlineData("{\"callingAeTitle\": \"THIS-TITLE-IS-TOO-LONG\"}")]
    [InlineData("{\"callingAeTitle\": \"BAD\\u0001\"}")]
    [InlineData("[\"PACS1\"]")]
    public void A_marker_without_a_valid_title_names_no_sender(string? content)
    {
        if (content is not null)
        {
            File.WriteAllText(Path.Combine(_folder, Marker), content);
        }
        Assert.Null(ArrivalMarker.ReadCallingAeTitle(_folder, Marker));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
