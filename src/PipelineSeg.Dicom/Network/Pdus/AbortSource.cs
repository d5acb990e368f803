namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>Who aborted an association (A-ABORT source field, PS3.8 §9.3.8).</summary>
public enum AbortSource : byte
{
    /// <summary>The DICOM UL service-user (the application).</summary>
    ServiceUser = 0,

    /// <summary>The DICOM UL service-provider (a protocol error).</summary>
    ServiceProvider = 2,
}
