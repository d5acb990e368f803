using System.Net;
using Microsoft.Extensions.Options;
using PipelineSeg.Dicom.Network.Scp;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Network.Listener;

/// <summary>Turns the validated options into the DICOM layer's settings and names the inbox the series go to.</summary>
internal sealed class ListenerSettings(IOptions<DicomListenerOptions> listener, IOptions<IntakeOptions> intake)
{
    /// <summary>Hidden staging folder inside the inbox: the intake ignores dot folders, and a rename from it is atomic.</summary>
    public const string StagingFolderName = ".pipelineseg-receiving";

    /// <summary>True when a port is configured.</summary>
    public bool Enabled => listener.Value.Port != 0;

    /// <summary>The watched folder received series are published into.</summary>
    public string Inbox => AppPaths.Resolve(string.IsNullOrWhiteSpace(listener.Value.Inbox) ? intake.Value.WatchFolders[0].Path : listener.Value.Inbox);

    /// <summary>Where series are assembled before they are published.</summary>
    public string Staging => Path.Combine(Inbox, StagingFolderName);

    /// <summary>The intake's marker file (Intake:MarkerFile), written into a received series when it is complete.</summary>
    public string MarkerFile => intake.Value.MarkerFile;

    /// <summary>The per-series idle timeout.</summary>
    public TimeSpan SeriesIdleTimeout => listener.Value.SeriesIdleTimeout;

    /// <summary>The SCP settings.</summary>
    public DicomScpSettings Build()
    {
        var o = listener.Value;
        return new DicomScpSettings
        {
            EndPoint = new IPEndPoint(IPAddress.Parse(o.BindAddress), o.Port),
            Policy = new ScpPolicy
            {
                AeTitle = o.AeTitle,
                AllowedCallingAeTitles = o.AllowedCallingAeTitles.ToHashSet(StringComparer.Ordinal),
                AllowedSources = [.. o.AllowedSourceAddresses.Select(a => TryParseNetwork(a)!.Value)],
                MaxPduLength = (uint)o.MaxPduLength,
            },
            Timeouts = new ScpTimeouts(o.ArtimTimeout, o.NetworkTimeout),
            MaxAssociations = o.MaxAssociations,
            MaxInstanceBytes = o.MaxInstanceBytes,
            IncomingDirectory = Path.Combine(Staging, "incoming"),
            Tls = o.Tls is null ? null : DicomTlsFiles.Server(o.Tls),
        };
    }

    /// <summary>An address (as a single-host network) or a CIDR network; null when neither.</summary>
    public static IPNetwork? TryParseNetwork(string text)
    {
        if (IPAddress.TryParse(text, out var address))
        {
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }
        return IPNetwork.TryParse(text, out var network) ? network : null;
    }
}
