namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>An A-ASSOCIATE-AC (PS3.8 §9.3.3); the AE title fields echo the request.</summary>
/// <param name="ProtocolVersion">Bit 0 set for version 1.</param>
/// <param name="CalledAeTitle">Echo of the request's called AE title.</param>
/// <param name="CallingAeTitle">Echo of the request's calling AE title.</param>
/// <param name="ApplicationContext">The DICOM application context name.</param>
/// <param name="PresentationContexts">One answer per proposed context.</param>
/// <param name="UserInformation">The acceptor's maximum length and implementation identity.</param>
public sealed record AssociateAccept(ushort ProtocolVersion, string CalledAeTitle, string CallingAeTitle, string ApplicationContext,
    IReadOnlyList<PresentationContextAnswer> PresentationContexts, UserInformation UserInformation);
