using Microsoft.Extensions.Options;
using PipelineSeg.Dicom.Network.Pdus;
using PipelineSeg.Dicom.Network.Scu;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Network.Delivery;

/// <summary>Checks the destinations at start-up; each error names its setting.</summary>
internal sealed class DeliveryOptionsValidator(IOptions<PipelinesOptions> pipelines) : IValidateOptions<DeliveryOptions>
{
    private const string S = DeliveryOptions.Section;

    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var errors = new List<string>();
        if (!DicomUpperLayer.IsValidAeTitle(options.CallingAeTitle))
        {
            errors.Add($"{S}:CallingAeTitle '{options.CallingAeTitle}' is not an AE title");
        }
        if (options.InitialRetryDelay < TimeSpan.FromMilliseconds(100) || options.MaxRetryDelay < options.InitialRetryDelay)
        {
            errors.Add($"{S}:InitialRetryDelay must be at least 00:00:00.1 and {S}:MaxRetryDelay at least as long");
        }
        if (options.NetworkTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{S}:NetworkTimeout must be at least 00:00:01");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Destinations.Count; i++)
        {
            var d = options.Destinations[i];
            var at = $"{S}:Destinations:{i}";
            if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
            {
                errors.Add($"{at}:Name '{d.Name}' is required: letters, digits, '-' and '_'");
            }
            else if (!names.Add(d.Name))
            {
                errors.Add($"{at}:Name '{d.Name}' is used twice");
            }
            switch (d.Type)
            {
                case DestinationType.Folder when string.IsNullOrWhiteSpace(d.Path):
                    errors.Add($"{at}:Path is required for a Folder destination");
                    break;
                case DestinationType.DicomStore when DicomPeer.TryParse(d.Address, out var problem) is null:
                    errors.Add($"{at}:Address: {problem}");
                    break;
                case DestinationType.StowRs when !Uri.TryCreate(d.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"):
                    errors.Add($"{at}:Url '{d.Url}' is not an http(s) URL");
                    break;
                case DestinationType.StowRs when d.PasswordVariable is not null && string.IsNullOrEmpty(d.Username):
                    errors.Add($"{at}:Username is required with PasswordVariable (basic authentication)");
                    break;
            }
            if (d.Tls is { } tls)
            {
                errors.AddRange(d.Type == DestinationType.DicomStore
                    ? DicomTlsFiles.Problems(tls, $"{at}:Tls", needsCertificate: false)
                    : [$"{at}:Tls applies to DicomStore destinations only (a StowRs Url uses https)"]);
            }
            foreach (var pipeline in d.Pipelines.Where(p => !pipelines.Value.Definitions.ContainsKey(p)))
            {
                errors.Add($"{at}:Pipelines '{pipeline}' is not defined under Pipelines");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
