using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using PipelineSeg.Dicom.Network.Association;
using PipelineSeg.Dicom.Network.Dimse;
using PipelineSeg.Dicom.Network.Pdus;
using PipelineSeg.Dicom.Network.Tls;

namespace PipelineSeg.Dicom.Network.Scu;

/// <summary>
/// An association we requested (PS3.8 requestor side): connect, negotiate the proposed contexts, exchange DIMSE
/// messages one at a time, release. Disposing an association that was not released aborts it.
/// </summary>
public sealed class ScuAssociation : IAsyncDisposable
{
    private readonly DicomConnection _connection;
    private readonly DicomScuSettings _settings;
    private readonly Dictionary<byte, PresentationContextProposal> _proposed;
    private readonly List<AcceptedContext> _accepted = [];
    private ushort _messageId;
    private bool _closed;

    private ScuAssociation(DicomConnection connection, DicomScuSettings settings, IReadOnlyList<PresentationContextProposal> proposed)
    {
        _connection = connection;
        _settings = settings;
        _proposed = proposed.ToDictionary(p => p.Id);
    }

    /// <summary>The peer's maximum P-DATA-TF length (0: no limit).</summary>
    public uint PeerMaxPduLength { get; private set; }

    /// <summary>The contexts the peer accepted.</summary>
    public IReadOnlyList<AcceptedContext> AcceptedContexts => _accepted;

    /// <summary>Connects to <paramref name="peer"/> and negotiates one context per (abstract syntax, transfer syntaxes) given.</summary>
    /// <exception cref="DicomNetworkException">Connection refused, rejected, aborted or timed out.</exception>
    public static async Task<ScuAssociation> OpenAsync(DicomPeer peer, DicomScuSettings settings,
        IReadOnlyList<(string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes)> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(contexts);
        if (contexts.Count is 0 or > 128)
        {
            throw new ArgumentException($"{contexts.Count} presentation contexts: between 1 and 128 fit in an association", nameof(contexts));
        }
        var client = new TcpClient { NoDelay = true };
        try
        {
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connect.CancelAfter(settings.ConnectTimeout);
                await client.ConnectAsync(peer.Host, peer.Port, connect.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new DicomNetworkException($"cannot connect to {peer}: {e.Message}", e);
        }
        var stream = settings.Tls is { } tls ? await SecureAsync(client, peer, tls, settings.NetworkTimeout, cancellationToken).ConfigureAwait(false) : client.GetStream();
        var proposals = contexts.Select((c, i) => new PresentationContextProposal((byte)(2 * i + 1), c.AbstractSyntax, c.TransferSyntaxes)).ToList();
        var association = new ScuAssociation(new DicomConnection(stream), settings, proposals);
        try
        {
            await association.NegotiateAsync(peer, cancellationToken).ConfigureAwait(false);
            return association;
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The accepted context for <paramref name="abstractSyntax"/> and <paramref name="transferSyntax"/> (any transfer syntax when null).</summary>
    public AcceptedContext? FindContext(string abstractSyntax, string? transferSyntax) =>
        _accepted.FirstOrDefault(c => c.AbstractSyntax == abstractSyntax && (transferSyntax is null || c.TransferSyntax == transferSyntax));

    /// <summary>C-ECHO: the status the peer answered.</summary>
    public async Task<ushort> EchoAsync(CancellationToken cancellationToken)
    {
        var context = FindContext(DicomUpperLayer.VerificationSopClass, null)
            ?? throw new DicomNetworkException("the peer did not accept the Verification SOP class") { IsTransient = false };
        var id = ++_messageId;
        var request = new DimseCommand()
            .Set(CommandTags.AffectedSopClassUid, DicomUpperLayer.VerificationSopClass, isUid: true)
            .Set(CommandTags.CommandField, (ushort)CommandField.CEchoRequest)
            .Set(CommandTags.MessageId, id)
            .Set(CommandTags.CommandDataSetType, CommandTags.NoDataSet);
        await _connection.SendMessageAsync(context.Id, request, null, PeerMaxPduLength, cancellationToken).ConfigureAwait(false);
        return await ReceiveResponseAsync(CommandField.CEchoResponse, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>C-STORE of <paramref name="source"/> as stored (its transfer syntax must have been accepted): the status.</summary>
    public async Task<ushort> StoreAsync(Part10Source source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var context = FindContext(source.SopClassUid, source.TransferSyntaxUid)
            ?? throw new DicomNetworkException($"the peer accepted no context for {source.SopClassUid} in {TransferSyntaxes.Describe(source.TransferSyntaxUid)}") { IsTransient = false };
        var id = ++_messageId;
        var request = new DimseCommand()
            .Set(CommandTags.AffectedSopClassUid, source.SopClassUid, isUid: true)
            .Set(CommandTags.CommandField, (ushort)CommandField.CStoreRequest)
            .Set(CommandTags.MessageId, id)
            .Set(CommandTags.Priority, 0)
            .Set(CommandTags.CommandDataSetType, 0x0000)
            .Set(CommandTags.AffectedSopInstanceUid, source.SopInstanceUid, isUid: true);
        var data = source.OpenDataSet();
        await using (data.ConfigureAwait(false))
        {
            await _connection.SendMessageAsync(context.Id, request, data, PeerMaxPduLength, cancellationToken).ConfigureAwait(false);
        }
        return await ReceiveResponseAsync(CommandField.CStoreResponse, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A-RELEASE-RQ, waiting for A-RELEASE-RP.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await _connection.SendAsync(ReleasePdu.Request(), cancellationToken).ConfigureAwait(false);
        var pdu = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
        _closed = true;
        if (pdu.Kind != PduType.ReleaseResponse)
        {
            throw new DicomNetworkException($"{pdu.Kind} instead of A-RELEASE-RP");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            await _connection.TryAbortAsync(AbortSource.ServiceUser, AbortReason.NotSpecified).ConfigureAwait(false);
        }
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task NegotiateAsync(DicomPeer peer, CancellationToken cancellationToken)
    {
        var request = new AssociateRequest(DicomUpperLayer.ProtocolVersion, peer.AeTitle, _settings.CallingAeTitle, DicomUpperLayer.ApplicationContextName,
            [.. _proposed.Values], new UserInformation(_settings.MaxPduLength, DicomUid.ImplementationClassUid, DicomUid.ImplementationVersionName));
        await _connection.SendAsync(AssociatePduEncoder.Encode(request), cancellationToken).ConfigureAwait(false);
        var pdu = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
        switch (pdu.Kind)
        {
            case PduType.AssociateAccept:
                var accept = AssociatePduDecoder.DecodeAccept(pdu.Body);
                PeerMaxPduLength = accept.UserInformation.MaxPduLength;
                if (PeerMaxPduLength is > 0 and < DicomUpperLayer.MinimumMaxPduLength)
                {
                    throw new DicomNetworkException($"{peer} announces a maximum PDU length of {PeerMaxPduLength} bytes, too small to use") { IsTransient = false };
                }
                foreach (var answer in accept.PresentationContexts.Where(a => a.IsAccepted))
                {
                    if (_proposed.TryGetValue(answer.Id, out var proposal) && proposal.TransferSyntaxes.Contains(answer.TransferSyntax))
                    {
                        _accepted.Add(new AcceptedContext(answer.Id, proposal.AbstractSyntax, answer.TransferSyntax));
                    }
                }
                return;
            case PduType.AssociateReject:
                _closed = true;
                var reject = AssociationReject.Decode(pdu.Body);
                throw new DicomNetworkException($"{peer} rejected the association: {reject.Describe()}") { IsTransient = reject.Result == RejectResult.Transient };
            default:
                throw new DicomNetworkException($"{peer} answered the association request with {pdu.Kind}");
        }
    }

    private async Task<ushort> ReceiveResponseAsync(CommandField expected, ushort messageId, CancellationToken cancellationToken)
    {
        var command = new MemoryStream();
        while (true)
        {
            var pdu = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
            if (pdu.Kind != PduType.DataTransfer)
            {
                throw new DicomNetworkException($"{pdu.Kind} while waiting for {expected}");
            }
            foreach (var pdv in DataTransferPdu.Decode(pdu.Body).Where(p => p.IsCommand))
            {
                command.Write(pdv.Data.Span);
                if (command.Length > DimseCommand.MaxEncodedLength)
                {
                    throw new DicomNetworkException("response command set too long");
                }
                if (!pdv.IsLast)
                {
                    continue;
                }
                var response = DimseCommand.Decode(command.ToArray());
                command.SetLength(0);
                if (response.Field != expected || response.GetUInt16(CommandTags.MessageIdBeingRespondedTo) != messageId)
                {
                    throw new DicomNetworkException($"unexpected response {(ushort?)response.Field:X4} to message {messageId}");
                }
                var status = response.GetUInt16(CommandTags.Status) ?? throw new DicomNetworkException("response without Status");
                if (!DimseStatus.IsPending(status))
                {
                    return status;
                }
            }
        }
    }

    private async Task<RawPdu> ReceiveAsync(CancellationToken cancellationToken)
    {
        RawPdu? pdu;
        try
        {
            pdu = await _connection.ReceiveAsync(_settings.MaxPduLength == 0 ? DicomConnection.UnlimitedFragment * 16 : _settings.MaxPduLength,
                _settings.NetworkTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or TimeoutException or PduFormatException)
        {
            _closed = e is IOException;
            throw new DicomNetworkException($"association failed: {e.Message}", e);
        }
        if (pdu is null)
        {
            _closed = true;
            throw new DicomNetworkException("the peer closed the connection");
        }
        if (pdu.Kind == PduType.Abort)
        {
            _closed = true;
            var abort = AssociationAbort.Decode(pdu.Body);
            throw new DicomNetworkException($"the peer aborted the association (source {(byte)abort.Source}, reason {(byte)abort.Reason})");
        }
        return pdu;
    }

    // DICOM TLS: the handshake comes before the A-ASSOCIATE-RQ; a peer we do not trust is never associated with.
    private static async Task<Stream> SecureAsync(TcpClient client, DicomPeer peer, TlsClientSettings tls, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handshake.CancelAfter(timeout);
        try
        {
            await ssl.AuthenticateAsClientAsync(tls.Options(peer.Host), handshake.Token).ConfigureAwait(false);
            return ssl;
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            client.Dispose();
            throw new DicomNetworkException($"TLS handshake with {peer} failed: {e.InnerException?.Message ?? e.Message}", e);
        }
    }
}
