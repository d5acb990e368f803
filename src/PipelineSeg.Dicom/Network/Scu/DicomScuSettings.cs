using PipelineSeg.Dicom.Network.Tls;

namespace PipelineSeg.Dicom.Network.Scu;

/// <summary>How the sender associates: its AE title, the maximum length it receives, and its timers.</summary>
public sealed record DicomScuSettings
{
    /// <summary>Our AE title (the calling AE title).</summary>
    public string CallingAeTitle { get; init; } = "PIPELINESEG";

    /// <summary>Maximum P-DATA-TF length we announce.</summary>
    public uint MaxPduLength { get; init; } = 64 * 1024;

    /// <summary>Time to open the TCP connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>DICOM TLS: when set, the connection completes a TLS handshake (within the network timeout) before associating.</summary>
    public TlsClientSettings? Tls { get; init; }

    /// <summary>Time to wait for each answer (association, DIMSE response, release).</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
