namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>How an association ended: only a release means the sender finished what it meant to send.</summary>
public enum AssociationEnd
{
    /// <summary>A-RELEASE-RQ/RP: the sender is done.</summary>
    Released,

    /// <summary>A-ABORT from either side, a protocol error, a timeout or a lost connection.</summary>
    Aborted,
}
