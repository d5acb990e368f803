using PipelineSeg.Dicom.Network.Dimse;

namespace PipelineSeg.Dicom.Tests.Network;

/// <summary>Command sets in Implicit VR Little Endian with their group length (PS3.7 §6.3.1, §E.1).</summary>
public sealed class DimseCommandTests
{
    [SkippableFact]
    public void A_C_ECHO_request_encodes_with_its_group_length_first_and_even_padded_UIDs()
    {
        var bytes = new DimseCommand()
            .Set(CommandTags.AffectedSopClassUid, "1.2.840.10008.1.1", isUid: true)
            .Set(CommandTags.CommandField, (ushort)CommandField.CEchoRequest)
            .Set(CommandTags.MessageId, 7)
            .Set(CommandTags.CommandDataSetType, CommandTags.NoDataSet)
            .Encode();
        byte[] expected =
        [
            0, 0, 0, 0, 4, 0, 0, 0, 56, 0, 0, 0,
            0, 0, 2, 0, 18, 0, 0, 0, .. "1.2.840.10008.1.1"u8, 0,
            0, 0, 0, 1, 2, 0, 0, 0, 0x30, 0,
            0, 0, 0x10, 1, 2, 0, 0, 0, 7, 0,
            0, 0, 0, 8, 2, 0, 0, 0, 1, 1,
        ];
        Assert.Equal(expected, bytes);
        var decoded = DimseCommand.Decode(bytes);
        Assert.Equal(CommandField.CEchoRequest, decoded.Field);
        Assert.False(decoded.HasDataSet);
        Assert.Equal("1.2.840.10008.1.1", decoded.GetString(CommandTags.AffectedSopClassUid));
    }

    [SkippableFact]
    public void Elements_outside_group_0000_or_past_the_end_and_a_missing_command_field_are_refused()
    {
        Assert.Throws<DicomFormatException>(() => DimseCommand.Decode(new byte[] { 8, 0, 0x18, 0, 2, 0, 0, 0, 1, 0 }));
        Assert.Throws<DicomFormatException>(() => DimseCommand.Decode(new byte[] { 0, 0, 0, 1, 9, 0, 0, 0, 1, 0 }));
        Assert.Throws<DicomFormatException>(() => DimseCommand.Decode(new byte[] { 0, 0, 0x10, 1, 2, 0, 0, 0, 7, 0 }));
    }

    [SkippableFact]
    public void Warning_and_pending_statuses_are_told_apart()
    {
        Assert.True(DimseStatus.IsSuccessOrWarning(0xB000));
        Assert.True(DimseStatus.IsSuccessOrWarning(DimseStatus.Success));
        Assert.False(DimseStatus.IsSuccessOrWarning(DimseStatus.OutOfResources));
        Assert.True(DimseStatus.IsPending(0xFF00));
    }
}
