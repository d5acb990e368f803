namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>An A-ASSOCIATE-RQ (PS3.8 §9.3.2).</summary>
/// <param name="ProtocolVersion">Bit 0 set for version 1 (the only one).</param>
/// <param name="CalledAeTitle">The AE title the requester wants to reach.</param>
/// <param name="CallingAeTitle">The requester's AE title.</param>
/// <param name="ApplicationContext">Must be the DICOM application context name.</param>
/// <param name="PresentationContexts">Proposed contexts.</param>
/// <param name="UserInformation">Maximum length and implementation identity.</param>
public sealed record AssociateRequest(ushort ProtocolVersion, string CalledAeTitle, string CallingAeTitle, string ApplicationContext,
    IReadOnlyList<PresentationContextProposal> PresentationContexts, UserInformation UserInformation);
