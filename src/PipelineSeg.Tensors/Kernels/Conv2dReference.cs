namespace PipelineSeg.Tensors.Kernels;

/// <summary>Direct nested-loop convolution with double accumulation; the yardstick for <see cref="Conv2dPlan"/>.</summary>
public static class Conv2dReference
{
    /// <summary>Same contract as <see cref="Conv2dPlan.Forward"/>, with the weights passed each time.</summary>
    public static void Forward(Conv2dOptions o, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Epilogue epilogue,
        ReadOnlySpan<float> input, int batch, int inHeight, int inWidth, Span<float> output)
    {
        o.Validate();
        var (oh, ow) = o.OutputSize(inHeight, inWidth);
        int icg = o.InChannels / o.Groups, ocg = o.OutChannels / o.Groups;
        for (int n = 0; n < batch; n++)
        {
            for (int oc = 0; oc < o.OutChannels; oc++)
            {
                int g = oc / ocg;
                for (int y = 0; y < oh; y++)
                {
                    for (int x = 0; x < ow; x++)
                    {
                        double sum = bias.IsEmpty ? 0.0 : bias[oc];
                        for (int ic = 0; ic < icg; ic++)
                        {
                            int inPlane = ((n * o.InChannels) + g * icg + ic) * inHeight * inWidth;
                            for (int ky = 0; ky < o.KernelHeight; ky++)
                            {
                                int iy = y * o.StrideH - o.PadH + ky * o.DilationH;
                                if ((uint)iy >= (uint)inHeight)
                                {
                                    continue;
                                }
                                for (int kx = 0; kx < o.KernelWidth; kx++)
                                {
                                    int ix = x * o.StrideW - o.PadW + kx * o.DilationW;
                                    if ((uint)ix >= (uint)inWidth)
                                    {
                                        continue;
                                    }
                                    float w = weight[((oc * icg + ic) * o.KernelHeight + ky) * o.KernelWidth + kx];
                                    sum += (double)w * input[inPlane + iy * inWidth + ix];
                                }
                            }
                        }
                        output[((n * o.OutChannels + oc) * oh + y) * ow + x] = ActivationMath.Apply((float)sum, epilogue);
                    }
                }
            }
        }
    }
}
