using Microsoft.Extensions.Options;

namespace PipelineSeg.Host.Network.Delivery;

/// <summary>The configured destinations by name (built once from validated options).</summary>
internal sealed class ResultDestinations : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Dictionary<string, (IResultDestination Destination, DestinationOptions Options)> _byName;

    public ResultDestinations(IOptions<DeliveryOptions> options)
    {
        var delivery = options.Value;
        _byName = delivery.Destinations.ToDictionary(d => d.Name, d => (Create(d, delivery), d), StringComparer.Ordinal);
    }

    /// <summary>True when at least one destination is configured.</summary>
    public bool Any => _byName.Count > 0;

    /// <summary>The destinations that take results of <paramref name="pipeline"/>.</summary>
    public IEnumerable<IResultDestination> For(string pipeline) => _byName.Values
        .Where(d => d.Options.Pipelines.Count == 0 || d.Options.Pipelines.Contains(pipeline, StringComparer.Ordinal))
        .Select(d => d.Destination);

    /// <summary>The destination named <paramref name="name"/>, or null when it is no longer configured.</summary>
    public IResultDestination? Find(string name) => _byName.TryGetValue(name, out var d) ? d.Destination : null;

    public void Dispose() => _http.Dispose();

    private IResultDestination Create(DestinationOptions d, DeliveryOptions delivery) => d.Type switch
    {
        DestinationType.Folder => new FolderDestination(d),
        DestinationType.DicomStore => new DicomStoreDestination(d, delivery),
        DestinationType.StowRs => new StowRsDestination(d, delivery, _http),
        _ => throw new InvalidOperationException($"unknown destination type {d.Type}"),
    };
}
