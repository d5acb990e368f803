using System.Net;
using PipelineSeg.Dicom.Network.Association;
using PipelineSeg.Dicom.Network.Pdus;

namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>
/// The acceptor's decision on an A-ASSOCIATE-RQ (PS3.8 §7.1): reject the whole association (protocol version,
/// application context, called or calling AE title, source address), or accept it with an answer per presentation
/// context — the first transfer syntax of the requester's list that we read, or a rejection with the reason.
/// </summary>
public static class AssociationNegotiator
{
    /// <summary>Negotiates <paramref name="request"/> from <paramref name="source"/> under <paramref name="policy"/>.</summary>
    public static NegotiationOutcome Negotiate(AssociateRequest request, IPAddress? source, ScpPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        if ((request.ProtocolVersion & DicomUpperLayer.ProtocolVersion) == 0)
        {
            return NegotiationOutcome.Reject(AssociationReject.ProtocolVersionNotSupported);
        }
        if (request.ApplicationContext != DicomUpperLayer.ApplicationContextName)
        {
            return NegotiationOutcome.Reject(AssociationReject.ApplicationContextNotSupported);
        }
        if (!string.Equals(request.CalledAeTitle, policy.AeTitle, StringComparison.Ordinal))
        {
            return NegotiationOutcome.Reject(AssociationReject.CalledAeNotRecognized);
        }
        if (policy.AllowedCallingAeTitles.Count > 0 && !policy.AllowedCallingAeTitles.Contains(request.CallingAeTitle))
        {
            return NegotiationOutcome.Reject(AssociationReject.CallingAeNotRecognized);
        }
        if (!policy.AllowsSource(source))
        {
            return NegotiationOutcome.Reject(AssociationReject.NoReasonGiven);
        }
        var answers = new List<PresentationContextAnswer>();
        var accepted = new List<AcceptedContext>();
        foreach (var pc in request.PresentationContexts)
        {
            if (!policy.AbstractSyntaxes.Contains(pc.AbstractSyntax))
            {
                answers.Add(new PresentationContextAnswer(pc.Id, PresentationContextResult.AbstractSyntaxNotSupported, pc.TransferSyntaxes[0]));
                continue;
            }
            var chosen = pc.TransferSyntaxes.FirstOrDefault(policy.TransferSyntaxes.Contains);
            if (chosen is null)
            {
                answers.Add(new PresentationContextAnswer(pc.Id, PresentationContextResult.TransferSyntaxesNotSupported, pc.TransferSyntaxes[0]));
                continue;
            }
            answers.Add(new PresentationContextAnswer(pc.Id, PresentationContextResult.Acceptance, chosen));
            accepted.Add(new AcceptedContext(pc.Id, pc.AbstractSyntax, chosen));
        }
        var accept = new AssociateAccept(DicomUpperLayer.ProtocolVersion, request.CalledAeTitle, request.CallingAeTitle,
            DicomUpperLayer.ApplicationContextName, answers,
            new UserInformation(policy.MaxPduLength, DicomUid.ImplementationClassUid, DicomUid.ImplementationVersionName));
        return NegotiationOutcome.Accept(accept, accepted);
    }
}
