using System.Security.Cryptography;
using System.Text;
using PipelineSeg.Dicom;

namespace PipelineSeg.Phantoms.Series;

/// <summary>
/// Name-based UIDs (a UUID from SHA-256 of a name, as "2.25.…"), so regenerating a phantom gives byte-identical files.
/// </summary>
public static class DeterministicUid
{
    /// <summary>The UID for <paramref name="name"/>, e.g. "phantom/7/series".</summary>
    public static string From(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("pipelineseg:" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-style name-based UUID
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return DicomUid.FromGuid(new Guid(hash.AsSpan(0, 16), bigEndian: true));
    }
}
