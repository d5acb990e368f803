using System.Net;
using System.Text;
using PipelineSeg.Dicom;
using PipelineSeg.Host.Network.Delivery;

namespace PipelineSeg.Host.Tests.Network;

/// <summary>
/// STOW-RS against a loopback HTTP endpoint that reads the request as a DICOMweb server would: POST to /studies, a
/// multipart/related body of type application/dicom whose parts are the Part 10 files, and the configured credentials.
/// </summary>
public sealed class StowRsDestinationTests
{
    [SkippableTheory]
    [InlineData("bearer")]
    [InlineData("basic")]
    public async Task Results_are_posted_as_multipart_related_with_the_credentials_from_the_environment(string auth)
    {
        var root = TestPaths.NewTempDirectory("stow");
        var variable = $"PIPELINESEG_TEST_SECRET_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "s3cret");
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/dicom-web/");
        listener.Start();
        try
        {
            var files = new[] { Write(root, "a.dcm"), Write(root, "b.dcm") };
            var options = new DestinationOptions { Name = "web", Type = DestinationType.StowRs, Url = $"http://127.0.0.1:{port}/dicom-web" };
            if (auth == "bearer")
            {
                options.BearerTokenVariable = variable;
            }
            else
            {
                options.Username = "seg";
                options.PasswordVariable = variable;
            }
            using var http = new HttpClient();
            var destination = new StowRsDestination(options, new DeliveryOptions(), http);
            var confirmed = new List<string>();
            var server = ServeOnceAsync(listener);
            await destination.SendAsync("job", files, sent => { confirmed.AddRange(sent); return Task.CompletedTask; }, CancellationToken.None);
            var (method, path, contentType, authorization, parts) = await server;

            Assert.Equal("POST", method);
            Assert.Equal("/dicom-web/studies", path);
            Assert.StartsWith("multipart/related", contentType, StringComparison.Ordinal);
            Assert.Contains("type=\"application/dicom\"", contentType, StringComparison.Ordinal);
            Assert.Equal(auth == "bearer" ? "Bearer s3cret" : "Basic " + Convert.ToBase64String("seg:s3cret"u8.ToArray()), authorization);
            Assert.Equal(files.Select(File.ReadAllBytes), parts);
            Assert.Equal(files, confirmed);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_refusing_server_leaves_nothing_confirmed()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var root = TestPaths.NewTempDirectory("stow-refused");
        try
        {
            using var http = new HttpClient();
            var destination = new StowRsDestination(new DestinationOptions { Name = "web", Type = DestinationType.StowRs, Url = $"http://127.0.0.1:{port}" }, new DeliveryOptions(), http);
            var server = Task.Run(async () =>
            {
                var context = await listener.GetContextAsync();
                context.Response.StatusCode = 409;
                context.Response.Close();
            });
            var confirmed = new List<string>();
            var error = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
                destination.SendAsync("job", [Write(root, "a.dcm")], sent => { confirmed.AddRange(sent); return Task.CompletedTask; }, CancellationToken.None));
            await server;
            Assert.Contains("409", error.Message, StringComparison.Ordinal);
            Assert.Empty(confirmed);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(string Method, string Path, string ContentType, string? Authorization, List<byte[]> Parts)> ServeOnceAsync(HttpListener listener)
    {
        var context = await listener.GetContextAsync();
        var request = context.Request;
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        var contentType = request.ContentType ?? string.Empty;
        var boundary = contentType.Split(';').Select(p => p.Trim()).First(p => p.StartsWith("boundary=", StringComparison.Ordinal))["boundary=".Length..].Trim('"');
        var parts = SplitParts(body.ToArray(), boundary);
        context.Response.StatusCode = 200;
        context.Response.Close();
        return (request.HttpMethod, request.Url!.AbsolutePath, contentType, request.Headers["Authorization"], parts);
    }

    /// <summary>The bodies of a multipart message whose parts are all application/dicom (RFC 2046 framing).</summary>
    private static List<byte[]> SplitParts(byte[] body, string boundary)
    {
        var delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        var data = (byte[])[.. "\r\n"u8, .. body];
        var parts = new List<byte[]>();
        var at = IndexOf(data, delimiter, 0);
        while (at >= 0)
        {
            var afterDelimiter = at + delimiter.Length;
            if (data[afterDelimiter] == '-' && data[afterDelimiter + 1] == '-')
            {
                break;
            }
            var headersEnd = IndexOf(data, "\r\n\r\n"u8.ToArray(), afterDelimiter);
            var headers = Encoding.ASCII.GetString(data, afterDelimiter, headersEnd - afterDelimiter);
            Assert.Contains("Content-Type: application/dicom", headers, StringComparison.OrdinalIgnoreCase);
            var next = IndexOf(data, delimiter, headersEnd + 4);
            parts.Add(data[(headersEnd + 4)..next]);
            at = next;
        }
        return parts;
    }

    private static int IndexOf(byte[] data, byte[] pattern, int start) => data.AsSpan(start).IndexOf(pattern) is var i and >= 0 ? start + i : -1;

    private static string Write(string folder, string name)
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.SOPClassUID, DicomVR.UI, SopClasses.SegmentationStorage);
        dataset.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        var path = Path.Combine(folder, name);
        DicomWriter.WriteFile(path, dataset);
        return path;
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
