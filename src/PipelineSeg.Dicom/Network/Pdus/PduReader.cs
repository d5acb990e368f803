using System.Buffers.Binary;

namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>
/// Reads whole PDUs from a stream. The whole PDU must arrive within the timeout (a peer trickling bytes is cut off like
/// an idle one), its length must not exceed the limit for its type (checked before anything is allocated), and a
/// connection closed mid-PDU is reported as truncated, never handed on as a short PDU.
/// </summary>
public static class PduReader
{
    /// <summary>Largest association-negotiation or release PDU accepted (real ones are a few kilobytes).</summary>
    public const uint MaxControlPduLength = 256 * 1024;

    /// <summary>
    /// The next PDU, or null when the peer closed the connection cleanly between PDUs.
    /// <paramref name="maxDataLength"/> bounds P-DATA-TF bodies (the maximum length we announced).
    /// </summary>
    /// <exception cref="PduFormatException">The length is over the limit (reason: invalid parameter value).</exception>
    /// <exception cref="EndOfStreamException">The connection closed mid-PDU.</exception>
    /// <exception cref="TimeoutException">The PDU did not arrive in full within <paramref name="timeout"/>.</exception>
    public static async Task<RawPdu?> ReadAsync(Stream stream, uint maxDataLength, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var header = new byte[DicomUpperLayer.PduHeaderLength];
            var got = await ReadAtLeastAsync(stream, header, deadline.Token).ConfigureAwait(false);
            if (got == 0)
            {
                return null;
            }
            if (got < header.Length)
            {
                throw new EndOfStreamException($"connection closed after {got} bytes of a PDU header");
            }
            var type = header[0];
            var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2));
            var limit = type == (byte)PduType.DataTransfer ? maxDataLength : MaxControlPduLength;
            if (length > limit)
            {
                throw new PduFormatException($"PDU type 0x{type:X2} announces {length} bytes, more than the {limit} accepted", AbortReason.InvalidPduParameterValue);
            }
            var body = new byte[length];
            var read = await ReadAtLeastAsync(stream, body, deadline.Token).ConfigureAwait(false);
            if (read < body.Length)
            {
                throw new EndOfStreamException($"connection closed after {read} of {length} bytes of a PDU of type 0x{type:X2}");
            }
            return new RawPdu(type, body);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no complete PDU within {timeout.TotalSeconds:0.#} s");
        }
    }

    private static async Task<int> ReadAtLeastAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken) =>
        await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
}
