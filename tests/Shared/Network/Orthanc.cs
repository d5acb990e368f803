using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace PipelineSeg.Testing.Network;

/// <summary>
/// Debian's Orthanc with a generated configuration: DICOM and HTTP on free loopback ports, a temporary storage folder,
/// no remote access, no authentication, and the modalities the test names (our SCP, say).
/// </summary>
internal sealed class Orthanc : IDisposable
{
    public const string Executable = "/usr/sbin/Orthanc";
    public const string AeTitle = "ORTHANC";

    private Orthanc(PeerProcess process, int dicomPort, int httpPort)
    {
        Process = process;
        DicomPort = dicomPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public PeerProcess Process { get; }

    public int DicomPort { get; }

    public HttpClient Http { get; }

    /// <summary>Starts Orthanc knowing <paramref name="modalities"/> (name → AE, host, port); returns once its REST API answers.</summary>
    public static async Task<Orthanc> StartAsync(IReadOnlyDictionary<string, (string Ae, string Host, int Port)>? modalities = null)
    {
        var folder = TestPaths.NewTempDirectory("orthanc");
        var (dicomPort, httpPort) = (FreePort.Next(), FreePort.Next());
        var config = new Dictionary<string, object>
        {
            ["Name"] = "PipelineSeg test",
            ["StorageDirectory"] = Path.Combine(folder, "storage"),
            ["IndexDirectory"] = Path.Combine(folder, "storage"),
            ["DicomAet"] = AeTitle,
            ["DicomPort"] = dicomPort,
            ["HttpPort"] = httpPort,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["DicomCheckCalledAet"] = true,
            ["Plugins"] = Array.Empty<string>(),
            ["DicomModalities"] = (modalities ?? new Dictionary<string, (string, string, int)>())
                .ToDictionary(m => m.Key, m => new object[] { m.Value.Ae, m.Value.Host, m.Value.Port }),
        };
        var configPath = Path.Combine(folder, "orthanc.json");
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(config));
        var process = PeerProcess.Start(Prerequisites.Orthanc, Executable, folder, configPath);
        var orthanc = new Orthanc(process, dicomPort, httpPort);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var response = await orthanc.Http.GetAsync("system");
                if (response.IsSuccessStatusCode)
                {
                    return orthanc;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow >= deadline)
            {
                orthanc.Dispose();
                throw new TimeoutException($"Orthanc did not answer on its REST port:\n{process.Output}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>GET <paramref name="path"/> as JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path) => await Http.GetFromJsonAsync<JsonElement>(path);

    /// <summary>The instance ids Orthanc stores.</summary>
    public async Task<string[]> InstancesAsync() =>
        [.. (await GetJsonAsync("instances")).EnumerateArray().Select(e => e.GetString()!)];

    public void Dispose()
    {
        Http.Dispose();
        Process.Dispose();
    }

    /// <summary>Port as text for command lines.</summary>
    public string DicomPortText => DicomPort.ToString(CultureInfo.InvariantCulture);
}
