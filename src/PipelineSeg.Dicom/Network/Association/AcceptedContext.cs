namespace PipelineSeg.Dicom.Network.Association;

/// <summary>A presentation context accepted for an association: the abstract syntax and the transfer syntax agreed.</summary>
public sealed record AcceptedContext(byte Id, string AbstractSyntax, string TransferSyntax);
