namespace PipelineSeg.Host.Network.Listener;

/// <summary>The DICOM receiver of <c>serve</c> (section <c>DicomListener</c>): C-ECHO and C-STORE SCP into the inbox.</summary>
public sealed class DicomListenerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "DicomListener";

    /// <summary>TCP port; 0 (the default) leaves the listener off. Quick start: <c>serve --dicom-port N</c>.</summary>
    public int Port { get; set; }

    /// <summary>Our AE title; senders must call it. Quick start: <c>serve --ae-title AE</c>.</summary>
    public string AeTitle { get; set; } = "PIPELINESEG";

    /// <summary>Address to listen on: loopback by default, so exposing the service to the network is a decision.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Calling AE titles allowed to send; empty allows any (then rely on <see cref="AllowedSourceAddresses"/>).</summary>
    public List<string> AllowedCallingAeTitles { get; } = [];

    /// <summary>Source addresses or networks (CIDR, e.g. 10.1.2.0/24) allowed to connect; empty allows any.</summary>
    public List<string> AllowedSourceAddresses { get; } = [];

    /// <summary>Associations served at once; more get A-ASSOCIATE-RJ (transient).</summary>
    public int MaxAssociations { get; set; } = 8;

    /// <summary>Maximum P-DATA-TF length we announce and accept (bytes).</summary>
    public int MaxPduLength { get; set; } = 64 * 1024;

    /// <summary>Largest single instance accepted (bytes).</summary>
    public long MaxInstanceBytes { get; set; } = 2L << 30;

    /// <summary>ARTIM: time a new connection has to send its association request.</summary>
    public TimeSpan ArtimTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time to wait for each PDU once associated (idle or slow senders are aborted).</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A series whose association stays open is handed to the intake once no instance of it arrived for this long
    /// (the end of the association hands over at once).
    /// </summary>
    public TimeSpan SeriesIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>DICOM TLS: when set, every caller must complete a TLS handshake first (see <see cref="DicomTlsOptions"/>).</summary>
    public DicomTlsOptions? Tls { get; set; }

    /// <summary>Watched folder that receives the series; empty: the first of <c>Intake:WatchFolders</c>.</summary>
    public string? Inbox { get; set; }
}
