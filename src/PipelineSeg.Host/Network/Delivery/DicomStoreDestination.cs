using PipelineSeg.Dicom.Network.Dimse;
using PipelineSeg.Dicom.Network.Scu;
using PipelineSeg.Dicom.Network.Tls;

namespace PipelineSeg.Host.Network.Delivery;

/// <summary>Sends results with C-STORE over one association per attempt, each file as stored (no re-encoding).</summary>
internal sealed class DicomStoreDestination(DestinationOptions options, DeliveryOptions delivery) : IResultDestination
{
    private readonly DicomPeer _peer = DicomPeer.TryParse(options.Address, out _)!;
    private readonly Lazy<TlsClientSettings?> _tls = new(() => options.Tls is null ? null : DicomTlsFiles.Client(options.Tls));

    public string Name => options.Name;

    public string Describe() => $"{options.Name} ({_peer}{(options.Tls is null ? string.Empty : ", TLS")})";

    public async Task SendAsync(string job, IReadOnlyList<string> files, Func<IReadOnlyList<string>, Task> sent, CancellationToken cancellationToken)
    {
        var sources = files.Select(Part10Source.Open).ToList();
        var settings = new DicomScuSettings { CallingAeTitle = delivery.CallingAeTitle, NetworkTimeout = delivery.NetworkTimeout, Tls = _tls.Value };
        var association = await ScuAssociation.OpenAsync(_peer, settings, StoreContexts.For(sources), cancellationToken).ConfigureAwait(false);
        await using (association.ConfigureAwait(false))
        {
            foreach (var source in sources)
            {
                var status = await association.StoreAsync(source, cancellationToken).ConfigureAwait(false);
                if (!DimseStatus.IsSuccessOrWarning(status))
                {
                    throw new DeliveryFailedException($"{_peer} answered C-STORE of {Path.GetFileName(source.Path)} with status {status:X4}");
                }
                await sent([source.Path]).ConfigureAwait(false);
            }
            await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
