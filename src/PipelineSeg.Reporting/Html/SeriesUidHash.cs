using System.Security.Cryptography;
using System.Text;

namespace PipelineSeg.Reporting.Html;

/// <summary>
/// The series' name on a page meant to be passed around: the first 12 hex digits of SHA-256 of the Series Instance UID,
/// enough to find the series in the results without printing its UID (which may lead back to the patient in a PACS).
/// </summary>
public static class SeriesUidHash
{
    /// <summary>12 lowercase hex digits.</summary>
    public static string Of(string seriesInstanceUid)
    {
        ArgumentNullException.ThrowIfNull(seriesInstanceUid);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(seriesInstanceUid)))[..12];
    }
}
