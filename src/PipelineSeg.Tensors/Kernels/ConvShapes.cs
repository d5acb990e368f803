namespace PipelineSeg.Tensors.Kernels;

/// <summary>Shape checks shared by the convolution plans.</summary>
internal static class ConvShapes
{
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
