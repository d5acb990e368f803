namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ result (PS3.8 §9.3.4): permanent, or transient (the caller may try again later).</summary>
public enum RejectResult : byte
{
    /// <summary>Rejected permanently.</summary>
    Permanent = 1,

    /// <summary>Rejected for now (e.g. too many associations).</summary>
    Transient = 2,
}
