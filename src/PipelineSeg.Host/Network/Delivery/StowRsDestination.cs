using System.Net.Http.Headers;
using System.Text;

namespace PipelineSeg.Host.Network.Delivery;

/// <summary>
/// DICOMweb STOW-RS (PS3.18 §10.5): one POST to {Url}/studies with a multipart/related; type="application/dicom" body,
/// one Part 10 file per part. Basic or bearer authentication, the secret read from an environment variable.
/// </summary>
internal sealed class StowRsDestination(DestinationOptions options, DeliveryOptions delivery, HttpClient http) : IResultDestination
{
    public string Name => options.Name;

    public string Describe() => $"{options.Name} (STOW-RS {options.Url})";

    public async Task SendAsync(string job, IReadOnlyList<string> files, Func<IReadOnlyList<string>, Task> sent, CancellationToken cancellationToken)
    {
        using var content = new MultipartContent("related", $"pipelineseg-{Guid.NewGuid():N}");
        content.Headers.ContentType!.Parameters.Add(new NameValueHeaderValue("type", "\"application/dicom\""));
        foreach (var file in files)
        {
            var part = new ByteArrayContent(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
            content.Add(part);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url!.TrimEnd('/') + "/studies") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/dicom+json"));
        if (Authorization() is { } authorization)
        {
            request.Headers.Authorization = authorization;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(delivery.NetworkTimeout);
        using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // 409 and 202 with failures name the instances; the status is enough to decide on a retry.
            throw new DeliveryFailedException($"STOW-RS to {options.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        await sent(files).ConfigureAwait(false);
    }

    private AuthenticationHeaderValue? Authorization()
    {
        if (options.BearerTokenVariable is { } tokenVariable)
        {
            var token = Environment.GetEnvironmentVariable(tokenVariable)
                ?? throw new DeliveryFailedException($"environment variable {tokenVariable} (the bearer token of {options.Name}) is not set");
            return new AuthenticationHeaderValue("Bearer", token);
        }
        if (!string.IsNullOrEmpty(options.Username))
        {
            var password = options.PasswordVariable is { } v
                ? Environment.GetEnvironmentVariable(v) ?? throw new DeliveryFailedException($"environment variable {v} (the password of {options.Name}) is not set")
                : string.Empty;
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{password}")));
        }
        return null;
    }
}
