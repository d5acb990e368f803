namespace PipelineSeg.Dicom.Codecs.Jpeg;

/// <summary>JPEG (ITU T.81) and JPEG-LS (ITU T.87) marker codes: the byte after 0xFF.</summary>
internal static class JpegMarkers
{
    public const byte Sof0Baseline = 0xC0;
    public const byte Sof1ExtendedHuffman = 0xC1;
    public const byte Sof2Progressive = 0xC2;
    public const byte Sof3Lossless = 0xC3;
    public const byte Dht = 0xC4;
    public const byte Sof55JpegLs = 0xF7;
    public const byte Lse = 0xF8;
    public const byte Rst0 = 0xD0;
    public const byte Rst7 = 0xD7;
    public const byte Soi = 0xD8;
    public const byte Eoi = 0xD9;
    public const byte Sos = 0xDA;
    public const byte Dqt = 0xDB;
    public const byte Dnl = 0xDC;
    public const byte Dri = 0xDD;
    public const byte App0 = 0xE0;
    public const byte App14Adobe = 0xEE;

    /// <summary>True for the SOFn markers (C0–CF except DHT C4, JPG C8 and DAC CC).</summary>
    public static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    /// <summary>True for RST0–RST7.</summary>
    public static bool IsRestart(byte marker) => marker is >= Rst0 and <= Rst7;
}
