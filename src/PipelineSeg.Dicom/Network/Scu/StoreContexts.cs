using PipelineSeg.Dicom.Network.Pdus;

namespace PipelineSeg.Dicom.Network.Scu;

/// <summary>The presentation contexts to propose for sending files as stored: one per (SOP class, transfer syntax), plus Verification.</summary>
public static class StoreContexts
{
    /// <summary>Contexts for <paramref name="sources"/> (at most 127 distinct pairs fit beside Verification).</summary>
    public static IReadOnlyList<(string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes)> For(IEnumerable<Part10Source> sources) =>
    [
        (DicomUpperLayer.VerificationSopClass, [TransferSyntaxes.ImplicitVRLittleEndian]),
        .. sources.Select(s => (s.SopClassUid, s.TransferSyntaxUid)).Distinct()
            .Select(p => (p.SopClassUid, (IReadOnlyList<string>)[p.TransferSyntaxUid])),
    ];
}
