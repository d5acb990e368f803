namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>A presentation context item of an A-ASSOCIATE-RQ (PS3.8 §9.3.2.2): one abstract syntax, the transfer syntaxes offered.</summary>
/// <param name="Id">Odd number 1–255, unique within the association.</param>
/// <param name="AbstractSyntax">The SOP class UID.</param>
/// <param name="TransferSyntaxes">Offered transfer syntax UIDs, in the requester's order of preference.</param>
public sealed record PresentationContextProposal(byte Id, string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes);
