using PipelineSeg.Dicom.Network.Dimse;
using PipelineSeg.Dicom.Network.Pdus;

namespace PipelineSeg.Dicom.Network.Association;

/// <summary>
/// One transport connection of the upper layer: sends PDUs and DIMSE messages (fragmented into PDVs that fit the
/// peer's maximum length) and reads whole PDUs with a timeout. Writes are serialised so a response never interleaves
/// with an abort.
/// </summary>
public sealed class DicomConnection(Stream stream) : IAsyncDisposable
{
    /// <summary>Fragment size used when the peer announces no limit (0).</summary>
    public const uint UnlimitedFragment = 1 << 20;

    private readonly SemaphoreSlim _write = new(1, 1);

    /// <summary>The underlying stream.</summary>
    public Stream Stream => stream;

    /// <summary>Sends one encoded PDU.</summary>
    public async Task SendAsync(byte[] pdu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(pdu, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Sends an A-ABORT, ignoring a connection that is already gone.</summary>
    public async Task TryAbortAsync(AbortSource source, AbortReason reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await SendAsync(new AssociationAbort(source, reason).Encode(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The peer is gone: nothing to tell it.
        }
    }

    /// <summary>
    /// Sends <paramref name="command"/> and, when given, <paramref name="dataSet"/> (read to its end) on presentation
    /// context <paramref name="contextId"/>, one PDV per P-DATA-TF, each within <paramref name="peerMaxPduLength"/>.
    /// </summary>
    public async Task SendMessageAsync(byte contextId, DimseCommand command, Stream? dataSet, uint peerMaxPduLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var max = peerMaxPduLength == 0 ? UnlimitedFragment : peerMaxPduLength;
        var fragment = (int)Math.Min(max - DicomUpperLayer.PdvHeaderLength, UnlimitedFragment);
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var encoded = command.Encode();
            for (var offset = 0; offset < encoded.Length; offset += fragment)
            {
                var length = Math.Min(fragment, encoded.Length - offset);
                await WritePdvAsync(contextId, true, offset + length == encoded.Length, encoded.AsMemory(offset, length), cancellationToken).ConfigureAwait(false);
            }
            if (dataSet is not null)
            {
                // Read one fragment ahead so the last one is known to be last before it is sent.
                var current = new byte[fragment];
                var next = new byte[fragment];
                var currentLength = await dataSet.ReadAtLeastAsync(current, fragment, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                while (true)
                {
                    var nextLength = currentLength == fragment
                        ? await dataSet.ReadAtLeastAsync(next, fragment, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)
                        : 0;
                    await WritePdvAsync(contextId, false, nextLength == 0, current.AsMemory(0, currentLength), cancellationToken).ConfigureAwait(false);
                    if (nextLength == 0)
                    {
                        break;
                    }
                    (current, next, currentLength) = (next, current, nextLength);
                }
            }
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Reads the next PDU (see <see cref="PduReader.ReadAsync"/>).</summary>
    public Task<RawPdu?> ReceiveAsync(uint maxDataLength, TimeSpan timeout, CancellationToken cancellationToken) =>
        PduReader.ReadAsync(stream, maxDataLength, timeout, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync().ConfigureAwait(false);
        _write.Dispose();
    }

    private async Task WritePdvAsync(byte contextId, bool isCommand, bool isLast, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(DataTransferPdu.Header(contextId, isCommand, isLast, data.Length), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
    }
}
