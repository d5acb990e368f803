namespace PipelineSeg.Dicom.Network.Dimse;

/// <summary>Status (0000,0900) codes we send or interpret (PS3.7 Annex C, PS3.4 §B.2.3).</summary>
public static class DimseStatus
{
    /// <summary>Success.</summary>
    public const ushort Success = 0x0000;

    /// <summary>Refused: SOP class not supported.</summary>
    public const ushort SopClassNotSupported = 0x0122;

    /// <summary>Unrecognized operation (a DIMSE command we do not offer).</summary>
    public const ushort UnrecognizedOperation = 0x0211;

    /// <summary>Refused: out of resources (storage could not be written).</summary>
    public const ushort OutOfResources = 0xA700;

    /// <summary>Error: data set does not match SOP class.</summary>
    public const ushort DataSetDoesNotMatchSopClass = 0xA900;

    /// <summary>Error: cannot understand (the data set does not parse).</summary>
    public const ushort CannotUnderstand = 0xC000;

    /// <summary>Warning statuses (0001, 0107, 0116, Bxxx) mean the operation was done.</summary>
    public static bool IsSuccessOrWarning(ushort status) =>
        status is Success or 0x0001 or 0x0107 or 0x0116 || (status & 0xF000) == 0xB000;

    /// <summary>Pending statuses (FF00, FF01) announce more responses.</summary>
    public static bool IsPending(ushort status) => status is 0xFF00 or 0xFF01;
}
