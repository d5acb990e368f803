namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>The user information item (PS3.8 §9.3.2.3, PS3.7 Annex D): what this implementation says about itself.</summary>
/// <param name="MaxPduLength">Largest P-DATA-TF variable field this side receives; 0 means no limit.</param>
/// <param name="ImplementationClassUid">Identifies the implementation (required).</param>
/// <param name="ImplementationVersionName">Optional version name (1–16 characters).</param>
public sealed record UserInformation(uint MaxPduLength, string ImplementationClassUid, string? ImplementationVersionName);
