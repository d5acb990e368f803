using PipelineSeg.Dicom.Network.Association;
using PipelineSeg.Dicom.Network.Dimse;
using PipelineSeg.Dicom.Network.Pdus;

namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>DIMSE message assembly and dispatch: command fragments, then (for C-STORE) the data set streamed to disk.</summary>
internal sealed partial class ScpAssociation
{
    private async Task OnPdvAsync(PresentationDataValue pdv, CancellationToken cancellationToken)
    {
        if (!_contexts.TryGetValue(pdv.ContextId, out var context))
        {
            throw new PduFormatException($"PDV on presentation context {pdv.ContextId}, which was not accepted", AbortReason.InvalidPduParameterValue);
        }
        if (pdv.IsCommand)
        {
            if (_pending is not null)
            {
                throw new PduFormatException("command fragment where a data set fragment was expected", AbortReason.UnexpectedPduParameter);
            }
            if (_commandBytes.Length + pdv.Data.Length > DimseCommand.MaxEncodedLength)
            {
                throw new PduFormatException($"command set longer than {DimseCommand.MaxEncodedLength} bytes", AbortReason.InvalidPduParameterValue);
            }
            _commandBytes.Write(pdv.Data.Span);
            if (pdv.IsLast)
            {
                var command = DimseCommand.Decode(_commandBytes.GetBuffer().AsSpan(0, (int)_commandBytes.Length));
                _commandBytes.SetLength(0);
                await OnCommandAsync(command, context, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        if (_pending is null || _pendingContext!.Id != pdv.ContextId)
        {
            throw new PduFormatException($"data set fragment on context {pdv.ContextId} without a command announcing it", AbortReason.UnexpectedPduParameter);
        }
        if (_incoming is not null && !await _incoming.AppendAsync(pdv.Data, cancellationToken).ConfigureAwait(false))
        {
            throw new PduFormatException($"instance larger than the {settings.MaxInstanceBytes} bytes accepted", AbortReason.NotSpecified);
        }
        if (pdv.IsLast)
        {
            await OnDataSetCompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnCommandAsync(DimseCommand command, AcceptedContext context, CancellationToken cancellationToken)
    {
        var messageId = command.GetUInt16(CommandTags.MessageId) ?? 0;
        switch (command.Field)
        {
            case CommandField.CEchoRequest:
                await RespondAsync(context, CommandField.CEchoResponse, messageId, DicomUpperLayer.VerificationSopClass, null, DimseStatus.Success, null, cancellationToken).ConfigureAwait(false);
                ScpLog.Echoed(logger, _info!.Id);
                return;
            case CommandField.CStoreRequest when command.HasDataSet:
                _pending = command;
                _pendingContext = context;
                var sopClass = command.GetString(CommandTags.AffectedSopClassUid);
                var sopInstance = command.GetString(CommandTags.AffectedSopInstanceUid);
                if (string.IsNullOrEmpty(sopClass) || string.IsNullOrEmpty(sopInstance))
                {
                    _pendingRefusal = (DimseStatus.CannotUnderstand, "the C-STORE-RQ lacks the affected SOP class or instance UID");
                }
                else if (sopClass != context.AbstractSyntax)
                {
                    _pendingRefusal = (DimseStatus.SopClassNotSupported, "the affected SOP class differs from the presentation context's abstract syntax");
                }
                else
                {
                    _incoming = new IncomingInstanceFile(settings.IncomingDirectory, sopClass, sopInstance, context.TransferSyntax, _info!.CallingAeTitle, settings.MaxInstanceBytes);
                }
                return;
            case CommandField.CStoreRequest:
                throw new PduFormatException("C-STORE-RQ without a data set", AbortReason.InvalidPduParameterValue);
            default:
                var field = (ushort)command.Field!.Value;
                if ((field & 0x8000) != 0)
                {
                    throw new PduFormatException($"DIMSE response {field:X4} sent to the acceptor", AbortReason.UnexpectedPduParameter);
                }
                ScpLog.UnsupportedCommand(logger, _info!.Id, field);
                if (command.HasDataSet)
                {
                    // Consume and drop its data set, then answer.
                    _pending = command;
                    _pendingContext = context;
                    _pendingRefusal = (DimseStatus.UnrecognizedOperation, "operation not supported");
                    return;
                }
                await RespondAsync(context, (CommandField)(field | 0x8000), messageId, command.GetString(CommandTags.AffectedSopClassUid), null,
                    DimseStatus.UnrecognizedOperation, "operation not supported", cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    private async Task OnDataSetCompleteAsync(CancellationToken cancellationToken)
    {
        var command = _pending!;
        var context = _pendingContext!;
        var incoming = _incoming;
        var refusal = _pendingRefusal;
        (_pending, _pendingContext, _incoming, _pendingRefusal) = (null, null, null, null);
        var messageId = command.GetUInt16(CommandTags.MessageId) ?? 0;
        var sopClass = command.GetString(CommandTags.AffectedSopClassUid);
        var sopInstance = command.GetString(CommandTags.AffectedSopInstanceUid);
        if (command.Field != CommandField.CStoreRequest)
        {
            var (status, problem) = refusal!.Value;
            await RespondAsync(context, (CommandField)((ushort)command.Field!.Value | 0x8000), messageId, sopClass, null, status, problem, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (incoming is not null)
        {
            await using (incoming.ConfigureAwait(false))
            {
                var (instance, status, problem) = await incoming.CompleteAsync().ConfigureAwait(false);
                if (instance is not null)
                {
                    status = await StoreAsync(instance, cancellationToken).ConfigureAwait(false);
                    problem = status == DimseStatus.Success ? null : "the instance could not be stored";
                }
                refusal = problem is null ? null : (status, problem);
            }
        }
        var name = StorageSopClassList.Names.GetValueOrDefault(sopClass ?? string.Empty, "instance");
        if (refusal is { } r)
        {
            _refused++;
            ScpLog.StoreRefused(logger, _info!.Id, name, r.Status, r.Problem);
            await RespondAsync(context, CommandField.CStoreResponse, messageId, sopClass, sopInstance, r.Status, r.Problem, cancellationToken).ConfigureAwait(false);
            return;
        }
        _stored++;
        await RespondAsync(context, CommandField.CStoreResponse, messageId, sopClass, sopInstance, DimseStatus.Success, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ushort> StoreAsync(ReceivedInstance instance, CancellationToken cancellationToken)
    {
        try
        {
            var status = await handler.StoreAsync(_info!, instance, cancellationToken).ConfigureAwait(false);
            ScpLog.Stored(logger, _info!.Id, StorageSopClassList.Names.GetValueOrDefault(instance.SopClassUid, "instance"), instance.Length);
            return status;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ScpLog.HandlerFailed(logger, _info!.Id, e.Message);
            return DimseStatus.OutOfResources;
        }
        finally
        {
            // The handler moves what it keeps; whatever is still here was not kept.
            File.Delete(instance.Path);
        }
    }

    private Task RespondAsync(AcceptedContext context, CommandField field, ushort messageId, string? sopClass, string? sopInstance, ushort status,
        string? comment, CancellationToken cancellationToken)
    {
        var response = new DimseCommand()
            .Set(CommandTags.CommandField, (ushort)field)
            .Set(CommandTags.MessageIdBeingRespondedTo, messageId)
            .Set(CommandTags.CommandDataSetType, CommandTags.NoDataSet)
            .Set(CommandTags.Status, status);
        if (!string.IsNullOrEmpty(sopClass))
        {
            response.Set(CommandTags.AffectedSopClassUid, sopClass, isUid: true);
        }
        if (!string.IsNullOrEmpty(sopInstance))
        {
            response.Set(CommandTags.AffectedSopInstanceUid, sopInstance, isUid: true);
        }
        if (comment is not null && status != DimseStatus.Success)
        {
            response.Set(CommandTags.ErrorComment, comment.Length > 64 ? comment[..64] : comment, isUid: false);
        }
        return connection.SendMessageAsync(context.Id, response, null, PeerMaxPduLength, cancellationToken);
    }

    private async Task AbortAsync(AbortReason reason, string problem)
    {
        ScpLog.AbortedByUs(logger, _info?.Id ?? "-", remote, $"{problem}{Discarded()}");
        await connection.TryAbortAsync(AbortSource.ServiceProvider, reason).ConfigureAwait(false);
    }

    private string Discarded() => _incoming is not null || _pending is not null ? "; the instance being received was discarded" : string.Empty;
}
