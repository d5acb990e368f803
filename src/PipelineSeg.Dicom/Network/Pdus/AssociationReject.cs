namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>An A-ASSOCIATE-RJ PDU (PS3.8 §9.3.4).</summary>
public sealed record AssociationReject(RejectResult Result, RejectSource Source, byte Reason)
{
    /// <summary>Called AE title not recognized (permanent, service-user, reason 7).</summary>
    public static AssociationReject CalledAeNotRecognized { get; } = new(RejectResult.Permanent, RejectSource.ServiceUser, 7);

    /// <summary>Calling AE title not recognized (permanent, service-user, reason 3).</summary>
    public static AssociationReject CallingAeNotRecognized { get; } = new(RejectResult.Permanent, RejectSource.ServiceUser, 3);

    /// <summary>Application context name not supported (permanent, service-user, reason 2).</summary>
    public static AssociationReject ApplicationContextNotSupported { get; } = new(RejectResult.Permanent, RejectSource.ServiceUser, 2);

    /// <summary>No reason given (permanent, service-user, reason 1): the source address is not allowed.</summary>
    public static AssociationReject NoReasonGiven { get; } = new(RejectResult.Permanent, RejectSource.ServiceUser, 1);

    /// <summary>Protocol version not supported (permanent, ACSE, reason 2).</summary>
    public static AssociationReject ProtocolVersionNotSupported { get; } = new(RejectResult.Permanent, RejectSource.ServiceProviderAcse, 2);

    /// <summary>Local limit exceeded (transient, presentation, reason 2): too many associations at once.</summary>
    public static AssociationReject LocalLimitExceeded { get; } = new(RejectResult.Transient, RejectSource.ServiceProviderPresentation, 2);

    /// <summary>Encodes the PDU (type 03, length 4).</summary>
    public byte[] Encode() => [(byte)PduType.AssociateReject, 0, 0, 0, 0, 4, 0, (byte)Result, (byte)Source, Reason];

    /// <summary>Decodes the variable field of an A-ASSOCIATE-RJ.</summary>
    public static AssociationReject Decode(ReadOnlySpan<byte> body) => body.Length == 4
        ? new AssociationReject((RejectResult)body[1], (RejectSource)body[2], body[3])
        : throw new PduFormatException($"A-ASSOCIATE-RJ has a {body.Length}-byte body, expected 4", AbortReason.InvalidPduParameterValue);

    /// <summary>The reason in words, for logs and exceptions.</summary>
    public string Describe() => (Source, Reason) switch
    {
        (RejectSource.ServiceUser, 2) => "application context name not supported",
        (RejectSource.ServiceUser, 3) => "calling AE title not recognized",
        (RejectSource.ServiceUser, 7) => "called AE title not recognized",
        (RejectSource.ServiceUser, _) => "no reason given",
        (RejectSource.ServiceProviderAcse, 2) => "protocol version not supported",
        (RejectSource.ServiceProviderAcse, _) => "no reason given (ACSE)",
        (RejectSource.ServiceProviderPresentation, 1) => "temporary congestion",
        (RejectSource.ServiceProviderPresentation, 2) => "local limit exceeded",
        _ => $"source {(byte)Source} reason {Reason}",
    } + (Result == RejectResult.Transient ? " (transient)" : " (permanent)");
}
