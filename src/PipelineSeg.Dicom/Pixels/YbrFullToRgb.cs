namespace PipelineSeg.Dicom;

/// <summary>
/// YBR_FULL → RGB exactly as pydicom's <c>convert_color_space(arr, "YBR_FULL", "RGB")</c> (2.x, PS3.3 C.7.6.3.1.2):
/// float32 coefficients, Cb/Cr centred on 128, rounded by floor(x + 0.5) and clamped to 0…255.
/// </summary>
public static class YbrFullToRgb
{
    // pydicom's matrix, float32 as numpy holds it; the zero terms are left out (adding 0 changes no float).
    private const float CrToR = 1.402f;
    private const float CbToG = (float)(-0.114 * 1.772 / 0.587);
    private const float CrToG = (float)(-0.299 * 1.402 / 0.587);
    private const float CbToB = 1.772f;

    /// <summary>The R, G, B of one 8-bit Y, Cb, Cr sample.</summary>
    public static (byte R, byte G, byte B) Convert(byte y, byte cb, byte cr)
    {
        float yf = y, cbf = cb - 128f, crf = cr - 128f;
        return (Round(yf + (crf * CrToR)), Round(yf + (cbf * CbToG) + (crf * CrToG)), Round(yf + (cbf * CbToB)));
    }

    private static byte Round(float value) => (byte)Math.Clamp(MathF.Floor(value + 0.5f), 0f, 255f);
}
