using PipelineSeg.Dicom.Network.Association;
using PipelineSeg.Dicom.Network.Pdus;

namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>Either a rejection or an acceptance with the contexts that may carry messages.</summary>
public sealed record NegotiationOutcome(AssociationReject? Rejection, AssociateAccept? Acceptance, IReadOnlyList<AcceptedContext> Contexts)
{
    /// <summary>The association is rejected.</summary>
    public static NegotiationOutcome Reject(AssociationReject rejection) => new(rejection, null, []);

    /// <summary>The association is accepted (some contexts may still be rejected).</summary>
    public static NegotiationOutcome Accept(AssociateAccept acceptance, IReadOnlyList<AcceptedContext> contexts) => new(null, acceptance, contexts);
}
