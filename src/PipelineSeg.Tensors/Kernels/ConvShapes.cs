namespace PipelineSeg.Tensors.Kernels;

/// <summary>Shape checks shared by the convolution plans.</summary>
internal static class ConvShapes
{
    /// <summary>Weight must hold exactly <paramref name="weightNeeded"/> elements; bias is empty or one per output channel.</summary>
    public static void CheckParameters(string layer, object options, int weightLength, int weightNeeded, int biasLength, int outChannels)
    {
        if (weightLength != weightNeeded)
        {
            throw new ArgumentException($"{layer}: weight has {weightLength} elements, expected {weightNeeded} for {options}.", "weight");
        }
        if (biasLength != 0 && biasLength != outChannels)
        {
            throw new ArgumentException($"{layer}: bias has {biasLength} elements, expected {outChannels}.", "bias");
        }
    }

    public static void Check(string layer, int inputLength, long inputNeeded, int outputLength, long outputNeeded, int oh, int ow)
    {
        if (oh < 1 || ow < 1)
        {
            throw new ArgumentException($"{layer}: input too small, output would be {oh}×{ow}.");
        }
        if (inputLength < inputNeeded)
        {
            throw new ArgumentException($"{layer}: input has {inputLength} elements, needs {inputNeeded}.");
        }
        if (outputLength < outputNeeded)
        {
            throw new ArgumentException($"{layer}: output has {outputLength} elements, needs {outputNeeded}.");
        }
    }
}
