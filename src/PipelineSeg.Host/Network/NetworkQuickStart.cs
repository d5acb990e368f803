using System.Globalization;
using PipelineSeg.Dicom.Network.Pdus;
using PipelineSeg.Dicom.Network.Scu;
using PipelineSeg.Host.Network.Delivery;
using PipelineSeg.Host.Network.Listener;

namespace PipelineSeg.Host.Network;

/// <summary>The quick-start flags of <c>serve</c> for the network: <c>--dicom-port</c>, <c>--ae-title</c>, <c>--send-to</c>.</summary>
internal static class NetworkQuickStart
{
    /// <summary>Index of the first --send-to destination, past any a configuration file lists.</summary>
    private const int FirstSendToIndex = 1000;

    /// <summary>Adds the configuration overrides for the flags to <paramref name="overrides"/>; returns a usage problem or null.</summary>
    public static string? Apply(IDictionary<string, string?> overrides, int? dicomPort, string? aeTitle, IReadOnlyList<string>? sendTo)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (aeTitle is not null && dicomPort is null)
        {
            return "--ae-title names the DICOM listener; give --dicom-port too";
        }
        if (dicomPort is { } port)
        {
            if (port is < 1 or > 65535)
            {
                return "--dicom-port must be between 1 and 65535";
            }
            if (aeTitle is not null && !DicomUpperLayer.IsValidAeTitle(aeTitle))
            {
                return $"--ae-title '{aeTitle}' is not an AE title (1-16 printable characters, no backslash)";
            }
            overrides[$"{DicomListenerOptions.Section}:{nameof(DicomListenerOptions.Port)}"] = port.ToString(CultureInfo.InvariantCulture);
            if (aeTitle is not null)
            {
                overrides[$"{DicomListenerOptions.Section}:{nameof(DicomListenerOptions.AeTitle)}"] = aeTitle;
            }
        }
        for (var i = 0; i < (sendTo?.Count ?? 0); i++)
        {
            if (DicomPeer.TryParse(sendTo![i], out var problem) is null)
            {
                return $"--send-to: {problem}";
            }
            var at = $"{DeliveryOptions.Section}:{nameof(DeliveryOptions.Destinations)}:{FirstSendToIndex + i}:";
            overrides[at + nameof(DestinationOptions.Name)] = $"send-to-{i + 1}";
            overrides[at + nameof(DestinationOptions.Type)] = nameof(DestinationType.DicomStore);
            overrides[at + nameof(DestinationOptions.Address)] = sendTo[i];
        }
        return null;
    }
}
