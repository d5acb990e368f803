using System.Net;
using Microsoft.Extensions.Options;
using PipelineSeg.Dicom.Network.Pdus;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Network.Listener;

/// <summary>Checks the listener settings at start-up; each error names its setting.</summary>
internal sealed class DicomListenerOptionsValidator(IOptions<IntakeOptions> intake) : IValidateOptions<DicomListenerOptions>
{
    private const string S = DicomListenerOptions.Section;

    public ValidateOptionsResult Validate(string? name, DicomListenerOptions options)
    {
        if (options.Port == 0)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{S}:Port {options.Port} is not a TCP port (1-65535; 0 turns the listener off)");
        }
        if (!DicomUpperLayer.IsValidAeTitle(options.AeTitle))
        {
            errors.Add($"{S}:AeTitle '{options.AeTitle}' is not an AE title (1-16 printable characters, no backslash)");
        }
        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            errors.Add($"{S}:BindAddress '{options.BindAddress}' is not an IP address (127.0.0.1 for this machine only, 0.0.0.0 for every interface)");
        }
        foreach (var (ae, i) in options.AllowedCallingAeTitles.Select((a, i) => (a, i)).Where(p => !DicomUpperLayer.IsValidAeTitle(p.a)))
        {
            errors.Add($"{S}:AllowedCallingAeTitles:{i} '{ae}' is not an AE title");
        }
        foreach (var (source, i) in options.AllowedSourceAddresses.Select((a, i) => (a, i)).Where(p => ListenerSettings.TryParseNetwork(p.a) is null))
        {
            errors.Add($"{S}:AllowedSourceAddresses:{i} '{source}' is neither an IP address nor a network in CIDR notation");
        }
        if (options.MaxAssociations is < 1 or > 1000)
        {
            errors.Add($"{S}:MaxAssociations {options.MaxAssociations} must be between 1 and 1000");
        }
        if (options.MaxPduLength is < (int)DicomUpperLayer.MinimumMaxPduLength or > 16 << 20)
        {
            errors.Add($"{S}:MaxPduLength {options.MaxPduLength} must be between {DicomUpperLayer.MinimumMaxPduLength} and {16 << 20} bytes");
        }
        if (options.MaxInstanceBytes < 1024)
        {
            errors.Add($"{S}:MaxInstanceBytes {options.MaxInstanceBytes} is too small for any instance");
        }
        foreach (var (setting, value) in new[] { ("ArtimTimeout", options.ArtimTimeout), ("NetworkTimeout", options.NetworkTimeout), ("SeriesIdleTimeout", options.SeriesIdleTimeout) })
        {
            if (value < TimeSpan.FromMilliseconds(100) || value > TimeSpan.FromHours(1))
            {
                errors.Add($"{S}:{setting} {value} must be between 00:00:00.1 and 01:00:00");
            }
        }
        if (options.Tls is { } tls)
        {
            errors.AddRange(DicomTlsFiles.Problems(tls, $"{S}:Tls", needsCertificate: true));
        }
        var watched = intake.Value.WatchFolders.Where(w => !string.IsNullOrWhiteSpace(w.Path)).Select(w => AppPaths.Resolve(w.Path)).ToList();
        if (watched.Count == 0)
        {
            errors.Add($"{S}:Port is set but there is no watched folder to receive into: give --inbox/--output or Intake:WatchFolders");
        }
        else if (!string.IsNullOrWhiteSpace(options.Inbox) && !watched.Contains(AppPaths.Resolve(options.Inbox), StringComparer.Ordinal))
        {
            errors.Add($"{S}:Inbox '{options.Inbox}' is not one of Intake:WatchFolders (received series must reach a watched folder)");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
