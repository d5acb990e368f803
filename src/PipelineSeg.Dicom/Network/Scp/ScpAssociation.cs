using System.Net;
using Microsoft.Extensions.Logging;
using PipelineSeg.Dicom.Network.Association;
using PipelineSeg.Dicom.Network.Dimse;
using PipelineSeg.Dicom.Network.Pdus;

namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>
/// Serves one connection as the association acceptor (PS3.8 state machine, acceptor side): ARTIM until the
/// A-ASSOCIATE-RQ, negotiation, then DIMSE messages until release or abort. Every protocol violation is answered with
/// A-ABORT and one log line; every way out tells the handler how the association ended.
/// </summary>
internal sealed partial class ScpAssociation(DicomConnection connection, EndPoint? remote, DicomScpSettings settings, IDicomStoreHandler handler, ILogger logger)
{
    private readonly Dictionary<byte, AcceptedContext> _contexts = [];
    private readonly MemoryStream _commandBytes = new();
    private AssociationInfo? _info;
    private DimseCommand? _pending;
    private AcceptedContext? _pendingContext;
    private IncomingInstanceFile? _incoming;
    private (ushort Status, string Problem)? _pendingRefusal;
    private int _stored;
    private int _refused;

    /// <summary>Answers an A-ASSOCIATE-RQ with A-ASSOCIATE-RJ (transient, local limit exceeded) and closes.</summary>
    public async Task RefuseAsync(int active, CancellationToken cancellationToken)
    {
        try
        {
            var pdu = await connection.ReceiveAsync(0, settings.Timeouts.Artim, cancellationToken).ConfigureAwait(false);
            if (pdu is { Type: (byte)PduType.AssociateRequest })
            {
                ScpLog.OverLimit(logger, remote, active, settings.MaxAssociations);
                await connection.SendAsync(AssociationReject.LocalLimitExceeded.Encode(), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                ScpLog.ConnectionClosed(logger, remote, $"over the association limit ({settings.MaxAssociations}) and no A-ASSOCIATE-RQ");
            }
        }
        catch (Exception e) when (e is IOException or TimeoutException or PduFormatException)
        {
            ScpLog.ConnectionClosed(logger, remote, $"over the association limit ({settings.MaxAssociations}): {e.Message}");
        }
    }

    /// <summary>Runs the association to its end.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var end = AssociationEnd.Aborted;
        try
        {
            if (!await NegotiateAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
            end = await ServeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PduFormatException e)
        {
            await AbortAsync(e.AbortReason, e.Message).ConfigureAwait(false);
        }
        catch (DicomFormatException e)
        {
            await AbortAsync(AbortReason.InvalidPduParameterValue, $"malformed DIMSE command: {e.Message}").ConfigureAwait(false);
        }
        catch (TimeoutException e) when (_info is null)
        {
            // ARTIM expired before an A-ASSOCIATE-RQ: close the transport (PS3.8 AA-2), no PDU to answer.
            ScpLog.ConnectionClosed(logger, remote, $"ARTIM expired: {e.Message} after connecting");
        }
        catch (TimeoutException e)
        {
            await AbortAsync(AbortReason.NotSpecified, $"{e.Message} (network timeout)").ConfigureAwait(false);
        }
        catch (IOException e)
        {
            ScpLog.ConnectionClosed(logger, remote, _info is null ? e.Message : $"association {_info.Id}: {e.Message}{Discarded()}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await connection.TryAbortAsync(AbortSource.ServiceUser, AbortReason.NotSpecified).ConfigureAwait(false);
        }
        finally
        {
            if (_incoming is not null)
            {
                await _incoming.DisposeAsync().ConfigureAwait(false);
            }
            if (_info is not null)
            {
                await EndAsync(end).ConfigureAwait(false);
            }
        }
    }

    private async Task EndAsync(AssociationEnd end)
    {
        try
        {
            await handler.AssociationEndedAsync(_info!, end, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            ScpLog.HandlerFailed(logger, _info!.Id, e.Message);
        }
    }

    private async Task<bool> NegotiateAsync(CancellationToken cancellationToken)
    {
        var pdu = await connection.ReceiveAsync(settings.Policy.MaxPduLength, settings.Timeouts.Artim, cancellationToken).ConfigureAwait(false);
        if (pdu is null)
        {
            ScpLog.ConnectionClosed(logger, remote, "closed before sending an A-ASSOCIATE-RQ");
            return false;
        }
        if (!pdu.IsKnownType)
        {
            throw new PduFormatException($"unrecognized PDU type 0x{pdu.Type:X2} instead of A-ASSOCIATE-RQ", AbortReason.UnrecognizedPdu);
        }
        if (pdu.Kind != PduType.AssociateRequest)
        {
            throw new PduFormatException($"{pdu.Kind} before A-ASSOCIATE-RQ", AbortReason.UnexpectedPdu);
        }
        var request = AssociatePduDecoder.DecodeRequest(pdu.Body);
        var outcome = AssociationNegotiator.Negotiate(request, (remote as IPEndPoint)?.Address, settings.Policy);
        if (outcome.Rejection is { } rejection)
        {
            ScpLog.Rejected(logger, remote, request.CallingAeTitle, request.CalledAeTitle, rejection.Describe());
            await connection.SendAsync(rejection.Encode(), cancellationToken).ConfigureAwait(false);
            return false;
        }
        foreach (var context in outcome.Contexts)
        {
            _contexts[context.Id] = context;
        }
        _info = new AssociationInfo(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8], request.CallingAeTitle, request.CalledAeTitle, remote);
        await connection.SendAsync(AssociatePduEncoder.Encode(outcome.Acceptance!), cancellationToken).ConfigureAwait(false);
        ScpLog.Accepted(logger, _info.Id, request.CallingAeTitle, request.CalledAeTitle, remote, _contexts.Count, request.PresentationContexts.Count);
        PeerMaxPduLength = request.UserInformation.MaxPduLength;
        return true;
    }

    private uint PeerMaxPduLength { get; set; }

    private async Task<AssociationEnd> ServeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var pdu = await connection.ReceiveAsync(settings.Policy.MaxPduLength, settings.Timeouts.Network, cancellationToken).ConfigureAwait(false)
                ?? throw new IOException("the peer closed the connection without releasing the association");
            if (!pdu.IsKnownType)
            {
                throw new PduFormatException($"unrecognized PDU type 0x{pdu.Type:X2}", AbortReason.UnrecognizedPdu);
            }
            switch (pdu.Kind)
            {
                case PduType.DataTransfer:
                    foreach (var pdv in DataTransferPdu.Decode(pdu.Body))
                    {
                        await OnPdvAsync(pdv, cancellationToken).ConfigureAwait(false);
                    }
                    break;
                case PduType.ReleaseRequest:
                    ReleasePdu.Validate(pdu);
                    await connection.SendAsync(ReleasePdu.Response(), cancellationToken).ConfigureAwait(false);
                    if (_pending is not null)
                    {
                        ScpLog.AbortedByPeer(logger, _info!.Id, remote, 0, 0, $": released inside a message{Discarded()}");
                        return AssociationEnd.Aborted;
                    }
                    ScpLog.Released(logger, _info!.Id, _stored, _refused);
                    return AssociationEnd.Released;
                case PduType.Abort:
                    var abort = AssociationAbort.Decode(pdu.Body);
                    ScpLog.AbortedByPeer(logger, _info!.Id, remote, (int)abort.Source, (int)abort.Reason, Discarded());
                    return AssociationEnd.Aborted;
                default:
                    throw new PduFormatException($"{pdu.Kind} during data transfer", AbortReason.UnexpectedPdu);
            }
        }
    }
}
