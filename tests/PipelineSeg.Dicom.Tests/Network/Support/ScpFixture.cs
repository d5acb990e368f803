using System.Net;
using Microsoft.Extensions.Logging;
using PipelineSeg.Dicom.Network.Scp;

namespace PipelineSeg.Dicom.Tests.Network.Support;

/// <summary>A running <see cref="DicomScp"/> on a free loopback port with a temporary folder and a captured log.</summary>
internal sealed class ScpFixture : IAsyncDisposable
{
    public const string AeTitle = "PSEG_TEST";

    private ScpFixture(string root, DicomScp scp, FolderStoreHandler handler, ListLogger logger)
    {
        Root = root;
        Scp = scp;
        Handler = handler;
        Logger = logger;
    }

    public string Root { get; }

    public DicomScp Scp { get; }

    public FolderStoreHandler Handler { get; }

    public ListLogger Logger { get; }

    public int Port => Scp.LocalEndPoint.Port;

    public string Stored => Path.Combine(Root, "stored");

    public string Incoming => Path.Combine(Root, "incoming");

    public static ScpFixture Start(Func<DicomScpSettings, DicomScpSettings>? adjust = null)
    {
        var root = TestPaths.NewTempDirectory("scp");
        var handler = new FolderStoreHandler(Path.Combine(root, "stored"));
        var settings = new DicomScpSettings
        {
            EndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            Policy = new ScpPolicy { AeTitle = AeTitle },
            Timeouts = new ScpTimeouts(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)),
            IncomingDirectory = Path.Combine(root, "incoming"),
            MaxAssociations = 4,
        };
        var logger = new ListLogger();
        var scp = new DicomScp(adjust?.Invoke(settings) ?? settings, handler, logger);
        scp.Start();
        return new ScpFixture(root, scp, handler, logger);
    }

    /// <summary>Files left in the incoming folder (partial transfers must never stay there).</summary>
    public string[] IncomingLeftovers() => Directory.Exists(Incoming) ? Directory.GetFiles(Incoming) : [];

    public async ValueTask DisposeAsync()
    {
        await Scp.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
