namespace PipelineSeg.Tensors.Kernels;

/// <summary>Direct scatter-loop transposed convolution with double accumulation; the yardstick for <see cref="ConvTranspose2dPlan"/>.</summary>
public static class ConvTranspose2dReference
{
    /// <summary>Same contract as <see cref="ConvTranspose2dPlan.Forward"/>, with the weights passed each time.</summary>
    public static void Forward(ConvTranspose2dOptions o, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Epilogue epilogue,
        ReadOnlySpan<float> input, int batch, int inHeight, int inWidth, Span<float> output)
    {
        o.Validate();
        var (oh, ow) = o.OutputSize(inHeight, inWidth);
        int icg = o.InChannels / o.Groups, ocg = o.OutChannels / o.Groups;
        var acc = new double[oh * ow];
        for (int n = 0; n < batch; n++)
        {
            for (int oc = 0; oc < o.OutChannels; oc++)
            {
                int g = oc / ocg, ocl = oc - g * ocg;
                Array.Fill(acc, bias.IsEmpty ? 0.0 : bias[oc]);
                for (int ic = 0; ic < icg; ic++)
                {
                    int cin = g * icg + ic;
                    int inPlane = (n * o.InChannels + cin) * inHeight * inWidth;
                    for (int iy = 0; iy < inHeight; iy++)
                    {
                        for (int ix = 0; ix < inWidth; ix++)
                        {
                            double v = input[inPlane + iy * inWidth + ix];
                            for (int ky = 0; ky < o.KernelHeight; ky++)
                            {
                                int y = iy * o.StrideH - o.PadH + ky * o.DilationH;
                                if ((uint)y >= (uint)oh)
                                {
                                    continue;
                                }
                                for (int kx = 0; kx < o.KernelWidth; kx++)
                                {
                                    int x = ix * o.StrideW - o.PadW + kx * o.DilationW;
                                    if ((uint)x >= (uint)ow)
                                    {
                                        continue;
                                    }
                                    acc[y * ow + x] += v * weight[((cin * ocg + ocl) * o.KernelHeight + ky) * o.KernelWidth + kx];
                                }
                            }
                        }
                    }
                }
                int outPlane = (n * o.OutChannels + oc) * oh * ow;
                for (int i = 0; i < acc.Length; i++)
                {
                    output[outPlane + i] = ActivationMath.Apply((float)acc[i], epilogue);
                }
            }
        }
    }
}
