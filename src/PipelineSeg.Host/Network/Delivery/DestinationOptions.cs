namespace PipelineSeg.Host.Network.Delivery;

/// <summary>One place results are delivered to (an entry of <c>Delivery:Destinations</c>).</summary>
public sealed class DestinationOptions
{
    /// <summary>Unique name, used in logs and in the pending-deliveries folder.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Folder, DicomStore or StowRs.</summary>
    public DestinationType Type { get; set; }

    /// <summary>Folder: where results are copied (one sub-folder per job).</summary>
    public string? Path { get; set; }

    /// <summary>DicomStore: the peer as AE@host:port.</summary>
    public string? Address { get; set; }

    /// <summary>StowRs: the DICOMweb base URL (…/dicom-web); results are POSTed to {Url}/studies.</summary>
    public string? Url { get; set; }

    /// <summary>StowRs basic authentication user name.</summary>
    public string? Username { get; set; }

    /// <summary>StowRs: environment variable holding the basic-auth password (kept out of configuration files).</summary>
    public string? PasswordVariable { get; set; }

    /// <summary>StowRs: environment variable holding a bearer token.</summary>
    public string? BearerTokenVariable { get; set; }

    /// <summary>DicomStore: DICOM TLS to the peer (trusted certificates, and our certificate if it asks for one); null: plain TCP.</summary>
    public DicomTlsOptions? Tls { get; set; }

    /// <summary>Pipelines whose results go here; empty: every pipeline.</summary>
    public List<string> Pipelines { get; } = [];
}
