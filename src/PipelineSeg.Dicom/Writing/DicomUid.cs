using System.Numerics;

namespace PipelineSeg.Dicom;

/// <summary>UID helpers.</summary>
public static class DicomUid
{
    /// <summary>Implementation Class UID written in the file meta of files we create.</summary>
    public const string ImplementationClassUid = "2.25.266339829735467931286471238569617401955";

    /// <summary>Implementation Version Name written in the file meta.</summary>
    public const string ImplementationVersionName = "PIPELINESEG_01";

    /// <summary>A new globally unique UID "2.25.&lt;decimal of a random UUID&gt;" (PS3.5 §B.2).</summary>
    public static string Generate() => FromGuid(Guid.NewGuid());

    /// <summary>The 2.25 UID of a UUID.</summary>
    public static string FromGuid(Guid guid)
    {
        var value = new BigInteger(guid.ToByteArray(bigEndian: true), isUnsigned: true, isBigEndian: true);
        return "2.25." + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
