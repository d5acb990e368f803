using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using PipelineSeg.Dicom.Network.Dimse;
using PipelineSeg.Dicom.Network.Pdus;
using PipelineSeg.Dicom.Network.Scp;
using PipelineSeg.Dicom.Network.Scu;
using PipelineSeg.Dicom.Tests.Network.Support;

namespace PipelineSeg.Dicom.Tests.Network;

/// <summary>
/// Hostile peers on loopback: malformed, truncated and mis-sized PDUs, PDUs out of order, a half-open connection, a
/// slow sender, a transfer cut off mid-instance, and a bounded random fuzz. Each gets the standard answer and a log
/// line; the listener keeps serving; nothing partial stays behind or reaches the handler.
/// </summary>
public sealed class HostilePeerTests
{
    [SkippableFact]
    public async Task A_PDU_of_unknown_type_is_aborted_as_unrecognized()
    {
        await using var scp = ScpFixture.Start();
        var answer = await SendRawAsync(scp, [0x09, 0, 0, 0, 0, 4, 1, 2, 3, 4]);
        AssertAbort(answer, AbortReason.UnrecognizedPdu);
        Assert.Contains("unrecognized PDU type 0x09", await scp.Logger.WaitForAsync("aborted by us"), StringComparison.Ordinal);
        await AssertStillServingAsync(scp);
    }

    [SkippableFact]
    public async Task P_DATA_before_an_association_is_aborted_as_unexpected()
    {
        await using var scp = ScpFixture.Start();
        var answer = await SendRawAsync(scp, [.. DataTransferPdu.Header(1, true, true, 2), 0, 0]);
        AssertAbort(answer, AbortReason.UnexpectedPdu);
        await scp.Logger.WaitForAsync("DataTransfer before A-ASSOCIATE-RQ");
        await AssertStillServingAsync(scp);
    }

    [SkippableFact]
    public async Task An_item_length_running_past_the_PDU_is_aborted_as_an_invalid_parameter()
    {
        await using var scp = ScpFixture.Start();
        var request = AssociatePduEncoder.Encode(EchoRequest());
        request[DicomUpperLayer.PduHeaderLength + 68 + 3] = 0xF0; // application context item length: far past the end
        var answer = await SendRawAsync(scp, request);
        AssertAbort(answer, AbortReason.InvalidPduParameterValue);
        await scp.Logger.WaitForAsync("claims");
        await AssertStillServingAsync(scp);
    }

    [SkippableFact]
    public async Task An_oversized_PDU_length_is_refused_before_anything_is_allocated()
    {
        await using var scp = ScpFixture.Start();
        var answer = await SendRawAsync(scp, [0x01, 0, 0x7F, 0xFF, 0xFF, 0xFF]);
        AssertAbort(answer, AbortReason.InvalidPduParameterValue);
        await scp.Logger.WaitForAsync("more than the");
        await AssertStillServingAsync(scp);
    }

    [SkippableFact]
    public async Task A_truncated_request_and_a_half_open_connection_are_closed_after_ARTIM()
    {
        await using var scp = ScpFixture.Start();
        var request = AssociatePduEncoder.Encode(EchoRequest());
        using (var truncated = await ConnectAsync(scp))
        {
            await truncated.GetStream().WriteAsync(request.AsMemory(0, 40));
            truncated.Client.Shutdown(SocketShutdown.Send);
            await scp.Logger.WaitForAsync("connection closed after");
        }
        using var idle = await ConnectAsync(scp);
        var buffer = new byte[16];
        var read = await idle.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, read);
        await scp.Logger.WaitForAsync("ARTIM expired");
        await AssertStillServingAsync(scp);
    }

    [SkippableFact]
    public async Task A_slow_sender_is_aborted_by_the_network_timeout_and_its_instance_discarded()
    {
        await using var scp = ScpFixture.Start();
        using var client = await ConnectAsync(scp);
        var stream = client.GetStream();
        await AssociateAsync(stream, StoreRequest());
        var command = StoreCommand("1.2.3.4.5");
        await stream.WriteAsync(DataTransferPdu.Header(1, true, true, command.Length));
        await stream.WriteAsync(command);
        // Announce a 1000-byte data fragment, then trickle it: the whole PDU never arrives within the timeout.
        await stream.WriteAsync(DataTransferPdu.Header(1, false, true, 1000));
        var aborted = ReadAbortAsync(stream);
        for (var i = 0; i < 10 && !aborted.IsCompleted; i++)
        {
            await stream.WriteAsync(new byte[] { 0 });
            await Task.Delay(500);
        }
        AssertAbort(await aborted.WaitAsync(TimeSpan.FromSeconds(10)), AbortReason.NotSpecified);
        Assert.Contains("network timeout", await scp.Logger.WaitForAsync("aborted by us"), StringComparison.Ordinal);
        await WaitForEndAsync(scp, AssociationEnd.Aborted);
        Assert.Empty(scp.IncomingLeftovers());
        Assert.Empty(scp.Handler.Stored);
    }

    [SkippableFact]
    public async Task A_transfer_cut_off_mid_instance_leaves_nothing_behind()
    {
        await using var scp = ScpFixture.Start();
        using (var client = await ConnectAsync(scp))
        {
            var stream = client.GetStream();
            await AssociateAsync(stream, StoreRequest());
            var command = StoreCommand("1.2.3.4.5");
            await stream.WriteAsync(DataTransferPdu.Header(1, true, true, command.Length));
            await stream.WriteAsync(command);
            await stream.WriteAsync(DataTransferPdu.Header(1, false, false, 100));
            await stream.WriteAsync(new byte[100]);
            await stream.FlushAsync();
            await Task.Delay(200);
        }
        await WaitForEndAsync(scp, AssociationEnd.Aborted);
        Assert.Contains("discarded", scp.Logger.Text, StringComparison.Ordinal);
        Assert.Empty(scp.IncomingLeftovers());
        Assert.Empty(scp.Handler.Stored);
        await AssertStillServingAsync(scp);
    }

    [SkippableFact]
    public async Task A_data_set_that_does_not_parse_is_refused_with_C000_and_not_kept()
    {
        await using var scp = ScpFixture.Start();
        using var client = await ConnectAsync(scp);
        var stream = client.GetStream();
        await AssociateAsync(stream, StoreRequest());
        var command = StoreCommand("1.2.3.4.5");
        await stream.WriteAsync(DataTransferPdu.Header(1, true, true, command.Length));
        await stream.WriteAsync(command);
        byte[] garbage = [0x08, 0x00, 0x18, 0x00, 0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3, 4]; // an element claiming 2 GB
        await stream.WriteAsync(DataTransferPdu.Header(1, false, true, garbage.Length));
        await stream.WriteAsync(garbage);
        var response = await PduReader.ReadAsync(stream, 1 << 20, TimeSpan.FromSeconds(10), CancellationToken.None);
        var pdv = Assert.Single(DataTransferPdu.Decode(response!.Body));
        Assert.Equal(DimseStatus.CannotUnderstand, DimseCommand.Decode(pdv.Data.Span).GetUInt16(CommandTags.Status));
        await scp.Logger.WaitForAsync("refused with status C000");
        Assert.Empty(scp.IncomingLeftovers());
        Assert.Empty(scp.Handler.Stored);
    }

    [SkippableFact]
    public async Task Bounded_random_fuzz_of_association_requests_never_stops_the_listener()
    {
        await using var scp = ScpFixture.Start(s => s with { Timeouts = new ScpTimeouts(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)) });
        var random = new Random(17);
        var valid = AssociatePduEncoder.Encode(EchoRequest());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 60 && clock.Elapsed < TimeSpan.FromSeconds(20); i++)
        {
            var mutated = (byte[])valid.Clone();
            var flips = random.Next(1, 6);
            for (var f = 0; f < flips; f++)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }
            var cut = random.Next(4) == 0 ? random.Next(1, mutated.Length) : mutated.Length;
            using var client = await ConnectAsync(scp);
            var stream = client.GetStream();
            await stream.WriteAsync(mutated.AsMemory(0, cut));
            client.Client.Shutdown(SocketShutdown.Send);
            var sink = new byte[4096];
            try
            {
                while (await stream.ReadAsync(sink).AsTask().WaitAsync(TimeSpan.FromSeconds(5)) > 0)
                {
                }
            }
            catch (IOException)
            {
                // Reset by the listener after its answer: fine.
            }
        }
        await AssertStillServingAsync(scp);
        Assert.Empty(scp.IncomingLeftovers());
    }

    private static AssociateRequest EchoRequest() => Request(DicomUpperLayer.VerificationSopClass);

    private static AssociateRequest StoreRequest() => Request(SopClasses.CtImageStorage);

    private static AssociateRequest Request(string abstractSyntax) => new(DicomUpperLayer.ProtocolVersion, ScpFixture.AeTitle, "FUZZER",
        DicomUpperLayer.ApplicationContextName, [new PresentationContextProposal(1, abstractSyntax, [TransferSyntaxes.ExplicitVRLittleEndian])],
        new UserInformation(16384, "1.2.3", null));

    private static byte[] StoreCommand(string sopInstance) => new DimseCommand()
        .Set(CommandTags.AffectedSopClassUid, SopClasses.CtImageStorage, isUid: true)
        .Set(CommandTags.CommandField, (ushort)CommandField.CStoreRequest)
        .Set(CommandTags.MessageId, 1)
        .Set(CommandTags.Priority, 0)
        .Set(CommandTags.CommandDataSetType, 0)
        .Set(CommandTags.AffectedSopInstanceUid, sopInstance, isUid: true)
        .Encode();

    private static async Task AssociateAsync(NetworkStream stream, AssociateRequest request)
    {
        await stream.WriteAsync(AssociatePduEncoder.Encode(request));
        var answer = await PduReader.ReadAsync(stream, 1 << 20, TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal((byte)PduType.AssociateAccept, answer!.Type);
        Assert.True(AssociatePduDecoder.DecodeAccept(answer.Body).PresentationContexts[0].IsAccepted);
    }

    private static async Task<TcpClient> ConnectAsync(ScpFixture scp)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, scp.Port);
        return client;
    }

    private static async Task<byte[]> SendRawAsync(ScpFixture scp, byte[] bytes)
    {
        using var client = await ConnectAsync(scp);
        var stream = client.GetStream();
        await stream.WriteAsync(bytes);
        return await ReadAbortAsync(stream).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task<byte[]> ReadAbortAsync(NetworkStream stream)
    {
        var answer = new byte[10];
        var read = await stream.ReadAtLeastAsync(answer, answer.Length, throwOnEndOfStream: false);
        return answer[..read];
    }

    private static void AssertAbort(byte[] answer, AbortReason reason)
    {
        Assert.True(answer.Length == 10 && answer[0] == (byte)PduType.Abort, $"expected A-ABORT, got {Convert.ToHexString(answer)}");
        Assert.Equal(4u, BinaryPrimitives.ReadUInt32BigEndian(answer.AsSpan(2)));
        Assert.Equal((byte)AbortSource.ServiceProvider, answer[8]);
        Assert.Equal((byte)reason, answer[9]);
    }

    private static async Task WaitForEndAsync(ScpFixture scp, AssociationEnd end)
    {
        for (var i = 0; i < 200 && !scp.Handler.Ends.Any(e => e.End == end); i++)
        {
            await Task.Delay(50);
        }
        Assert.Contains(scp.Handler.Ends, e => e.End == end);
    }

    private static async Task AssertStillServingAsync(ScpFixture scp)
    {
        var peer = new DicomPeer(ScpFixture.AeTitle, "127.0.0.1", scp.Port);
        await using var association = await ScuAssociation.OpenAsync(peer, new DicomScuSettings(),
            [(DicomUpperLayer.VerificationSopClass, [TransferSyntaxes.ImplicitVRLittleEndian])], CancellationToken.None);
        Assert.Equal(DimseStatus.Success, await association.EchoAsync(CancellationToken.None));
        await association.ReleaseAsync(CancellationToken.None);
    }
}
