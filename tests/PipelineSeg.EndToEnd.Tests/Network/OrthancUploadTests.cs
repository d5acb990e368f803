using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PipelineSeg.Dicom;
using PipelineSeg.EndToEnd.Tests.Cli;
using PipelineSeg.Testing.Network;

namespace PipelineSeg.EndToEnd.Tests.Network;

/// <summary>
/// <c>batch --outputs seg,rtstruct,overlay</c> on a bundled phantom, then the source CT and every written object uploaded
/// to a fresh Orthanc through its REST API: each is stored with its SOP class, all land in the source's study as four
/// series (CT, SEG, RTSTRUCT, overlay), and Orthanc renders an overlay frame to PNG.
/// </summary>
public sealed class OrthancUploadTests : IDisposable
{
    private static readonly Dictionary<string, (string SopClass, string Modality)> Expected = new()
    {
        ["seg"] = (SopClasses.SegmentationStorage, "SEG"),
        ["rtstruct"] = (SopClasses.RtStructureSetStorage, "RTSTRUCT"),
        ["overlay"] = (SopClasses.SecondaryCaptureImageStorage, "OT"),
    };

    private readonly string _dir = TestPaths.NewTempDirectory("e2e-orthanc-upload");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public async Task Seg_rtstruct_and_overlay_from_batch_are_stored_by_Orthanc_in_the_source_study_and_the_overlay_renders()
    {
        // Skip before the batch run, not after it, when Orthanc is missing.
        Prerequisites.Orthanc.Require();
        var input = TestPaths.Repo("samples", "dicom", "phantom-0001");
        var output = Path.Combine(_dir, "out");
        var run = PipelineSegCli.Run("batch", "--input", input, "--output", output, "--outputs", "seg,rtstruct,overlay");
        Assert.True(run.ExitCode == 0, run.Combined);
        var folder = Assert.Single(Directory.GetDirectories(output), d => File.Exists(Path.Combine(d, "report.json")));
        var written = await WrittenFilesAsync(folder);
        Assert.Equal(["seg", "rtstruct", "overlay"], written.Keys);

        using var orthanc = await Orthanc.StartAsync();
        var ctFiles = Directory.GetFiles(Path.Combine(input, "ct"), "*.dcm");
        var ct = new List<(string Id, string Series, string Study)>();
        foreach (var file in ctFiles)
        {
            ct.Add(await UploadAsync(orthanc, file));
        }
        var (ctSeries, study) = (Assert.Single(ct.Select(c => c.Series).Distinct()), Assert.Single(ct.Select(c => c.Study).Distinct()));

        var seriesByOutput = new Dictionary<string, string>();
        string? overlayInstance = null;
        foreach (var (name, files) in written)
        {
            Assert.NotEmpty(files);
            var stored = new List<(string Id, string Series, string Study)>();
            foreach (var file in files)
            {
                var instance = await UploadAsync(orthanc, file);
                var tags = await orthanc.GetJsonAsync($"instances/{instance.Id}/tags?simplify");
                Assert.True(Expected[name].SopClass == tags.GetProperty("SOPClassUID").GetString(), $"{name}: {file}");
                Assert.True(instance.Study == study, $"{name} {file} is in Orthanc study {instance.Study}, the CT in {study}");
                stored.Add(instance);
            }
            seriesByOutput[name] = Assert.Single(stored.Select(s => s.Series).Distinct());
            overlayInstance = name == "overlay" ? stored[0].Id : overlayInstance;
        }

        var studyJson = await orthanc.GetJsonAsync($"studies/{study}");
        using (var first = DicomFile.Open(ctFiles[0], DicomReadOptions.HeaderOnly))
        {
            Assert.Equal(first.Dataset.GetString(DicomTags.StudyInstanceUID), studyJson.GetProperty("MainDicomTags").GetProperty("StudyInstanceUID").GetString());
        }
        var studySeries = studyJson.GetProperty("Series").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(seriesByOutput.Values.Append(ctSeries).Order(StringComparer.Ordinal).ToList(), studySeries);
        var modalities = new Dictionary<string, string>();
        foreach (var series in studySeries)
        {
            modalities[series] = (await orthanc.GetJsonAsync($"series/{series}")).GetProperty("MainDicomTags").GetProperty("Modality").GetString()!;
        }
        Assert.Equal("CT", modalities[ctSeries]);
        foreach (var (name, series) in seriesByOutput)
        {
            Assert.Equal(Expected[name].Modality, modalities[series]);
        }

        await AssertRendersAsync(orthanc, overlayInstance!);
    }

    /// <summary>Orthanc decodes the overlay frame: a PNG of the instance's rows × columns.</summary>
    private static async Task AssertRendersAsync(Orthanc orthanc, string instance)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"instances/{instance}/preview");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));
        using var response = await orthanc.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.True(png.Length > 24 && png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        var tags = await orthanc.GetJsonAsync($"instances/{instance}/tags?simplify");
        // IHDR follows the signature: length, "IHDR", then width and height, big-endian.
        Assert.Equal(Number(tags, "Columns"), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(Number(tags, "Rows"), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>POST /instances: Orthanc must answer 200 with status "Success" (a fresh store, nothing there before).</summary>
    private static async Task<(string Id, string Series, string Study)> UploadAsync(Orthanc orthanc, string file)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
        using var response = await orthanc.Http.PostAsync("instances", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {response.StatusCode} {body}\n{orthanc.Process.Output}");
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.True(answer.GetProperty("Status").GetString() == "Success", $"{file}: {body}");
        return (answer.GetProperty("ID").GetString()!, answer.GetProperty("ParentSeries").GetString()!, answer.GetProperty("ParentStudy").GetString()!);
    }

    /// <summary>The files each output wrote, as report.json names them, in report order.</summary>
    private static async Task<Dictionary<string, List<string>>> WrittenFilesAsync(string folder)
    {
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
        return report.RootElement.GetProperty("outputs").EnumerateArray().ToDictionary(
            o => o.GetProperty("name").GetString()!,
            o => o.GetProperty("files").EnumerateArray().Select(f => Path.Combine(folder, f.GetString()!)).ToList());
    }

    private static int Number(JsonElement tags, string name) =>
        int.Parse(tags.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
