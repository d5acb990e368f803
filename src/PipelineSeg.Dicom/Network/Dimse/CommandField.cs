namespace PipelineSeg.Dicom.Network.Dimse;

/// <summary>Command Field (0000,0100) values of the DIMSE-C services we speak (PS3.7 §E.1); responses have bit 15 set.</summary>
public enum CommandField : ushort
{
    /// <summary>C-STORE-RQ.</summary>
    CStoreRequest = 0x0001,

    /// <summary>C-STORE-RSP.</summary>
    CStoreResponse = 0x8001,

    /// <summary>C-ECHO-RQ.</summary>
    CEchoRequest = 0x0030,

    /// <summary>C-ECHO-RSP.</summary>
    CEchoResponse = 0x8030,
}
