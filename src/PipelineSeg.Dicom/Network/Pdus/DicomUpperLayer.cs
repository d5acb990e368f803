namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>Constants of the DICOM upper layer protocol (PS3.7 Annex A, PS3.8).</summary>
public static class DicomUpperLayer
{
    /// <summary>The DICOM application context name.</summary>
    public const string ApplicationContextName = "1.2.840.10008.3.1.1.1";

    /// <summary>Verification SOP Class (C-ECHO).</summary>
    public const string VerificationSopClass = "1.2.840.10008.1.1";

    /// <summary>Protocol version 1 (bit 0 of the version field).</summary>
    public const ushort ProtocolVersion = 1;

    /// <summary>Bytes of the PDU header: type, reserved, 4-byte big-endian length.</summary>
    public const int PduHeaderLength = 6;

    /// <summary>Bytes of a PDV header inside P-DATA-TF: 4-byte item length, context id, message control header.</summary>
    public const int PdvHeaderLength = 6;

    /// <summary>Smallest maximum length a peer may announce that still leaves room for a PDV (we refuse smaller).</summary>
    public const uint MinimumMaxPduLength = 1024;

    /// <summary>The AE title rule (PS3.5 §6.2): 1–16 characters of the default repertoire, no backslash or control characters, not all spaces.</summary>
    public static bool IsValidAeTitle(string? title) =>
        title is { Length: > 0 and <= 16 } && !string.IsNullOrWhiteSpace(title) && title.All(c => c is >= ' ' and <= '~' and not '\\');
}
