namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ source (PS3.8 §9.3.4); the meaning of the reason byte depends on it.</summary>
public enum RejectSource : byte
{
    /// <summary>DICOM UL service-user: reasons 1 no reason, 2 application context not supported, 3 calling AE not recognized, 7 called AE not recognized.</summary>
    ServiceUser = 1,

    /// <summary>DICOM UL service-provider (ACSE): reasons 1 no reason, 2 protocol version not supported.</summary>
    ServiceProviderAcse = 2,

    /// <summary>DICOM UL service-provider (presentation): reasons 1 temporary congestion, 2 local limit exceeded.</summary>
    ServiceProviderPresentation = 3,
}
