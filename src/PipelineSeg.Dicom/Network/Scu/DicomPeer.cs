using System.Globalization;
using PipelineSeg.Dicom.Network.Pdus;

namespace PipelineSeg.Dicom.Network.Scu;

/// <summary>A remote application entity: AE title, host and port (written AE@host:port).</summary>
public sealed record DicomPeer(string AeTitle, string Host, int Port)
{
    /// <summary>Parses "AE@host:port" (IPv6 hosts in brackets: AE@[::1]:104); null with the problem when malformed.</summary>
    public static DicomPeer? TryParse(string? text, out string? problem)
    {
        problem = null;
        var at = text?.LastIndexOf('@') ?? -1;
        var colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || at <= 0 || colon < at + 2)
        {
            problem = $"'{text}' is not AE@host:port";
            return null;
        }
        var ae = text[..at];
        var host = text[(at + 1)..colon].Trim('[', ']');
        if (!DicomUpperLayer.IsValidAeTitle(ae))
        {
            problem = $"'{ae}' is not a valid AE title (1-16 printable characters, no backslash)";
            return null;
        }
        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            problem = $"'{text[(colon + 1)..]}' is not a port (1-65535)";
            return null;
        }
        return new DicomPeer(ae, host, port);
    }

    /// <inheritdoc />
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"{AeTitle}@[{Host}]:{Port}" : $"{AeTitle}@{Host}:{Port}";
}
