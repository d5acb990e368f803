namespace PipelineSeg.Dicom.Network.Dimse;

/// <summary>Command set element tags (group 0000, PS3.7 §E.1), as (group &lt;&lt; 16 | element).</summary>
public static class CommandTags
{
    /// <summary>(0000,0000) Command Group Length, UL.</summary>
    public const uint CommandGroupLength = 0x00000000;

    /// <summary>(0000,0002) Affected SOP Class UID, UI.</summary>
    public const uint AffectedSopClassUid = 0x00000002;

    /// <summary>(0000,0100) Command Field, US.</summary>
    public const uint CommandField = 0x00000100;

    /// <summary>(0000,0110) Message ID, US.</summary>
    public const uint MessageId = 0x00000110;

    /// <summary>(0000,0120) Message ID Being Responded To, US.</summary>
    public const uint MessageIdBeingRespondedTo = 0x00000120;

    /// <summary>(0000,0600) Move Destination, AE.</summary>
    public const uint MoveDestination = 0x00000600;

    /// <summary>(0000,0700) Priority, US.</summary>
    public const uint Priority = 0x00000700;

    /// <summary>(0000,0800) Command Data Set Type, US: 0101H means no data set follows.</summary>
    public const uint CommandDataSetType = 0x00000800;

    /// <summary>(0000,0900) Status, US.</summary>
    public const uint Status = 0x00000900;

    /// <summary>(0000,0902) Error Comment, LO.</summary>
    public const uint ErrorComment = 0x00000902;

    /// <summary>(0000,1000) Affected SOP Instance UID, UI.</summary>
    public const uint AffectedSopInstanceUid = 0x00001000;

    /// <summary>Command Data Set Type value: no data set.</summary>
    public const ushort NoDataSet = 0x0101;
}
