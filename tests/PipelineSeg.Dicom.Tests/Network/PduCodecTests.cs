using PipelineSeg.Dicom.Network.Pdus;

namespace PipelineSeg.Dicom.Tests.Network;

/// <summary>PDU encoding to the byte (PS3.8 §9.3) and decoding that refuses what does not fit.</summary>
public sealed class PduCodecTests
{
    [SkippableFact]
    public void Fixed_size_PDUs_have_their_standard_bytes()
    {
        Assert.Equal(new byte[] { 0x03, 0, 0, 0, 0, 4, 0, 2, 3, 2 }, AssociationReject.LocalLimitExceeded.Encode());
        Assert.Equal(new byte[] { 0x03, 0, 0, 0, 0, 4, 0, 1, 1, 7 }, AssociationReject.CalledAeNotRecognized.Encode());
        Assert.Equal(new byte[] { 0x07, 0, 0, 0, 0, 4, 0, 0, 2, 1 }, new AssociationAbort(AbortSource.ServiceProvider, AbortReason.UnrecognizedPdu).Encode());
        Assert.Equal(new byte[] { 0x05, 0, 0, 0, 0, 4, 0, 0, 0, 0 }, ReleasePdu.Request());
        Assert.Equal(new byte[] { 0x06, 0, 0, 0, 0, 4, 0, 0, 0, 0 }, ReleasePdu.Response());
        Assert.Equal(new byte[] { 0x04, 0, 0, 0, 0, 16, 0, 0, 0, 12, 5, 3 }, DataTransferPdu.Header(5, isCommand: true, isLast: true, fragmentLength: 10));
    }

    [SkippableFact]
    public void An_association_request_round_trips_and_lays_out_its_fixed_part_as_PS3_8_says()
    {
        var request = new AssociateRequest(1, "PACS", "MODALITY", DicomUpperLayer.ApplicationContextName,
            [new PresentationContextProposal(1, DicomUpperLayer.VerificationSopClass, [TransferSyntaxes.ImplicitVRLittleEndian]),
             new PresentationContextProposal(3, SopClasses.CtImageStorage, [TransferSyntaxes.ExplicitVRLittleEndian, TransferSyntaxes.ImplicitVRLittleEndian])],
            new UserInformation(16384, "1.2.3.4", "TEST_1"));
        var bytes = AssociatePduEncoder.Encode(request);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal((uint)(bytes.Length - 6), System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2)));
        Assert.Equal("PACS            MODALITY        ", System.Text.Encoding.ASCII.GetString(bytes, 10, 32));
        Assert.Equal(0x10, bytes[6 + 68]); // the application context item follows the 32 reserved bytes

        var decoded = AssociatePduDecoder.DecodeRequest(bytes.AsSpan(6));
        Assert.Equal("PACS", decoded.CalledAeTitle);
        Assert.Equal("MODALITY", decoded.CallingAeTitle);
        Assert.Equal(2, decoded.PresentationContexts.Count);
        Assert.Equal([TransferSyntaxes.ExplicitVRLittleEndian, TransferSyntaxes.ImplicitVRLittleEndian], decoded.PresentationContexts[1].TransferSyntaxes);
        Assert.Equal(new UserInformation(16384, "1.2.3.4", "TEST_1"), decoded.UserInformation);
    }

    [SkippableFact]
    public void Unknown_items_are_skipped_and_missing_ones_are_refused()
    {
        var request = new AssociateRequest(1, "A", "B", DicomUpperLayer.ApplicationContextName,
            [new PresentationContextProposal(1, DicomUpperLayer.VerificationSopClass, [TransferSyntaxes.ImplicitVRLittleEndian])],
            new UserInformation(0, "1.2", null));
        var body = AssociatePduEncoder.Encode(request).AsSpan(6).ToArray();
        byte[] withUnknown = [.. body, 0x7E, 0, 0, 2, 0xAA, 0xBB];
        Assert.Single(AssociatePduDecoder.DecodeRequest(withUnknown).PresentationContexts);

        var truncated = body[..(body.Length - 3)];
        Assert.Equal(AbortReason.InvalidPduParameterValue, Assert.Throws<PduFormatException>(() => AssociatePduDecoder.DecodeRequest(truncated)).AbortReason);
        Assert.Throws<PduFormatException>(() => AssociatePduDecoder.DecodeRequest(body.AsSpan(0, 40)));
    }

    [SkippableFact]
    public void P_DATA_values_are_split_and_bad_lengths_refused()
    {
        byte[] body = [0, 0, 0, 4, 1, 3, 0xAA, 0xBB, 0, 0, 0, 3, 3, 0, 0xCC];
        var values = DataTransferPdu.Decode(body);
        Assert.Equal(2, values.Count);
        Assert.True(values[0].IsCommand && values[0].IsLast);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, values[0].Data.ToArray());
        Assert.False(values[1].IsCommand || values[1].IsLast);
        Assert.Equal(3, values[1].ContextId);

        Assert.Throws<PduFormatException>(() => DataTransferPdu.Decode(new byte[] { 0, 0, 0, 9, 1, 3, 0 }));
        Assert.Throws<PduFormatException>(() => DataTransferPdu.Decode(new byte[] { 0, 0, 0, 1, 1 }));
        Assert.Throws<PduFormatException>(() => DataTransferPdu.Decode(new byte[] { 0, 0, 0, 2, 1, 0xF3 }));
        Assert.Throws<PduFormatException>(() => DataTransferPdu.Decode(Array.Empty<byte>()));
    }
}
