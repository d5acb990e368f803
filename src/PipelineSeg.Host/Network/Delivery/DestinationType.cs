namespace PipelineSeg.Host.Network.Delivery;

/// <summary>How a destination receives results.</summary>
public enum DestinationType
{
    /// <summary>Copied into a folder (one sub-folder per job).</summary>
    Folder,

    /// <summary>Sent with DICOM C-STORE to AE@host:port.</summary>
    DicomStore,

    /// <summary>Posted with DICOMweb STOW-RS (multipart/related) to a URL.</summary>
    StowRs,
}
