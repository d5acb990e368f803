using System.Net;
using PipelineSeg.Dicom.Network.Pdus;
using PipelineSeg.Dicom.Network.Scp;

namespace PipelineSeg.Dicom.Tests.Network;

/// <summary>The acceptor's decisions (PS3.8 §7.1, §9.3.3.2, §9.3.4).</summary>
public sealed class AssociationNegotiatorTests
{
    private static readonly ScpPolicy Policy = new()
    {
        AeTitle = "PSEG",
        AllowedSources = [IPNetwork.Parse("10.1.0.0/16")],
    };

    [SkippableTheory]
    [InlineData(0, "PSEG", DicomUpperLayer.ApplicationContextName, "10.1.2.3", "protocol version not supported")]
    [InlineData(1, "PSEG", "1.2.3", "10.1.2.3", "application context name not supported")]
    [InlineData(1, "OTHER", DicomUpperLayer.ApplicationContextName, "10.1.2.3", "called AE title not recognized")]
    [InlineData(1, "PSEG", DicomUpperLayer.ApplicationContextName, "192.168.0.9", "no reason given")]
    public void The_association_is_rejected_permanently_with_the_reason(int version, string called, string context, string source, string reason)
    {
        var outcome = AssociationNegotiator.Negotiate(Request((ushort)version, called, context), IPAddress.Parse(source), Policy);
        Assert.Null(outcome.Acceptance);
        Assert.Equal($"{reason} (permanent)", outcome.Rejection!.Describe());
    }

    [SkippableFact]
    public void Each_context_is_answered_with_its_own_result_and_the_requesters_preferred_readable_syntax()
    {
        var outcome = AssociationNegotiator.Negotiate(Request(1, "PSEG", DicomUpperLayer.ApplicationContextName), IPAddress.Parse("::ffff:10.1.9.9"), Policy);
        var answers = outcome.Acceptance!.PresentationContexts;
        Assert.Equal(PresentationContextResult.Acceptance, answers[0].Result);
        Assert.Equal(TransferSyntaxes.JpegLosslessSv1, answers[0].TransferSyntax);
        Assert.Equal(PresentationContextResult.AbstractSyntaxNotSupported, answers[1].Result);
        Assert.Equal(PresentationContextResult.TransferSyntaxesNotSupported, answers[2].Result);
        Assert.Single(outcome.Contexts);
        Assert.Equal(Policy.MaxPduLength, outcome.Acceptance.UserInformation.MaxPduLength);
        Assert.Equal(DicomUid.ImplementationClassUid, outcome.Acceptance.UserInformation.ImplementationClassUid);
    }

    private static AssociateRequest Request(ushort version, string called, string context) => new(version, called, "MODALITY", context,
        [
            new PresentationContextProposal(1, SopClasses.CtImageStorage, ["1.2.840.10008.1.2.4.100", TransferSyntaxes.JpegLosslessSv1, TransferSyntaxes.ExplicitVRLittleEndian]),
            new PresentationContextProposal(3, "1.2.840.10008.5.1.4.1.1.104.1", [TransferSyntaxes.ExplicitVRLittleEndian]),
            new PresentationContextProposal(5, SopClasses.SegmentationStorage, ["1.2.840.10008.1.2.4.100"]),
        ], new UserInformation(0, "1.2", null));
}
