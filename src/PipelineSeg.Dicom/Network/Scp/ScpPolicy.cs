using System.Net;
using PipelineSeg.Dicom.Codecs;
using PipelineSeg.Dicom.Network.Pdus;

namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>What the receiver accepts: its AE title, who may call it, which abstract and transfer syntaxes, and the limits it announces.</summary>
public sealed record ScpPolicy
{
    /// <summary>Our AE title (the called AE title must match it).</summary>
    public required string AeTitle { get; init; }

    /// <summary>Calling AE titles allowed; empty allows any.</summary>
    public IReadOnlySet<string> AllowedCallingAeTitles { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Source networks allowed (a single address is a /32 or /128 network); empty allows any.</summary>
    public IReadOnlyList<IPNetwork> AllowedSources { get; init; } = [];

    /// <summary>Abstract syntaxes accepted: Verification and the storage classes of <see cref="StorageSopClassList"/> by default.</summary>
    public IReadOnlySet<string> AbstractSyntaxes { get; init; } = DefaultAbstractSyntaxes;

    /// <summary>Transfer syntaxes accepted: every one our codec reads.</summary>
    public IReadOnlySet<string> TransferSyntaxes { get; init; } = DefaultTransferSyntaxes;

    /// <summary>Maximum P-DATA-TF length we announce and enforce.</summary>
    public uint MaxPduLength { get; init; } = 64 * 1024;

    /// <summary>Verification plus the storage classes.</summary>
    public static IReadOnlySet<string> DefaultAbstractSyntaxes { get; } =
        new HashSet<string>([DicomUpperLayer.VerificationSopClass, .. StorageSopClassList.Names.Keys], StringComparer.Ordinal);

    /// <summary>The native transfer syntaxes the reader handles plus every encapsulated one a pixel codec decodes.</summary>
    public static IReadOnlySet<string> DefaultTransferSyntaxes { get; } = new HashSet<string>(
    [
        Dicom.TransferSyntaxes.ImplicitVRLittleEndian, Dicom.TransferSyntaxes.ExplicitVRLittleEndian, Dicom.TransferSyntaxes.ExplicitVRBigEndian,
        Dicom.TransferSyntaxes.DeflatedExplicitVRLittleEndian, .. PixelCodecRegistry.TransferSyntaxUids,
    ], StringComparer.Ordinal);

    /// <summary>True when <paramref name="address"/> is in an allowed network (IPv4-mapped IPv6 addresses count as IPv4).</summary>
    public bool AllowsSource(IPAddress? address)
    {
        if (AllowedSources.Count == 0)
        {
            return true;
        }
        if (address is null)
        {
            return false;
        }
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return AllowedSources.Any(n => n.Contains(plain));
    }
}
