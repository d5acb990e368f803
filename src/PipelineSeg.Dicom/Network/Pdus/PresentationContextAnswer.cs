namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>A presentation context item of an A-ASSOCIATE-AC (PS3.8 §9.3.3.2).</summary>
/// <param name="Id">The id proposed by the requester.</param>
/// <param name="Result">Accepted, or why not.</param>
/// <param name="TransferSyntax">The chosen transfer syntax (meaningless unless accepted).</param>
public sealed record PresentationContextAnswer(byte Id, PresentationContextResult Result, string TransferSyntax)
{
    /// <summary>True when the context may carry messages.</summary>
    public bool IsAccepted => Result == PresentationContextResult.Acceptance;
}
