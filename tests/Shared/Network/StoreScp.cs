using System.Globalization;

namespace PipelineSeg.Testing.Network;

/// <summary>dcmtk's storescp on a free loopback port, writing what it receives to a temporary folder.</summary>
internal static class StoreScp
{
    public const string AeTitle = "STORESCP";

    /// <summary>Starts storescp (with <paramref name="options"/>, e.g. +tls); returns the process and its port once it listens.</summary>
    public static async Task<(PeerProcess Process, int Port, string Received)> StartAsync(params string[] options)
    {
        var folder = TestPaths.NewTempDirectory("storescp");
        var received = Directory.CreateDirectory(Path.Combine(folder, "received")).FullName;
        var port = FreePort.Next();
        var process = PeerProcess.Start(Prerequisites.Dcmtk, "storescp", folder, ["-aet", AeTitle, "-od", received, "-dhl", .. options,
            port.ToString(CultureInfo.InvariantCulture)]);
        await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(20));
        return (process, port, received);
    }
}
