using System.Net;
using PipelineSeg.Dicom.Network.Tls;

namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>Everything a <see cref="DicomScp"/> needs: where it listens, what it accepts, its limits and timers.</summary>
public sealed record DicomScpSettings
{
    /// <summary>Address and port to listen on (port 0 picks a free one; see <see cref="DicomScp.LocalEndPoint"/>).</summary>
    public required IPEndPoint EndPoint { get; init; }

    /// <summary>AE title, allow lists, syntaxes, maximum PDU length.</summary>
    public required ScpPolicy Policy { get; init; }

    /// <summary>ARTIM and network timeouts.</summary>
    public required ScpTimeouts Timeouts { get; init; }

    /// <summary>Associations served at once; one more is answered A-ASSOCIATE-RJ (transient, local limit exceeded).</summary>
    public int MaxAssociations { get; init; } = 8;

    /// <summary>Folder for instances being received (hidden temporary files); the handler moves finished ones out.</summary>
    public required string IncomingDirectory { get; init; }

    /// <summary>DICOM TLS: when set, each connection completes a TLS handshake (within ARTIM) before its first PDU.</summary>
    public TlsServerSettings? Tls { get; init; }

    /// <summary>Largest single instance accepted; a larger one aborts the association (a full disk helps nobody).</summary>
    public long MaxInstanceBytes { get; init; } = 2L << 30;
}
