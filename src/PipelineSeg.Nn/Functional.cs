using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>
/// torch.nn.functional for ported forward code: stateless operations returning new tensors the caller disposes.
/// (Layers with parameters are modules; these are the calls PyTorch code makes inline: F.relu, F.interpolate, torch.cat…)
/// </summary>
public static class Functional
{
    /// <summary>F.relu.</summary>
    public static Tensor Relu(Tensor input) => Map(input, static (s, d) => Activations.Relu(s, d));

    /// <summary>F.leaky_relu.</summary>
    public static Tensor LeakyRelu(Tensor input, float negativeSlope = 0.01f) => Map(input, (s, d) => Activations.LeakyRelu(s, d, negativeSlope));

    /// <summary>torch.sigmoid.</summary>
    public static Tensor Sigmoid(Tensor input) => Map(input, static (s, d) => Activations.Sigmoid(s, d));

    /// <summary>torch.tanh.</summary>
    public static Tensor Tanh(Tensor input) => Map(input, static (s, d) => Activations.Tanh(s, d));

    /// <summary>torch.softmax(input, dim).</summary>
    public static Tensor Softmax(Tensor input, int dim) => Map(input, (s, d) => Tensors.Operations.Softmax.Forward(s, d, dim));

    /// <summary>torch.cat(tensors, dim).</summary>
    public static Tensor Cat(ReadOnlySpan<Tensor> tensors, int dim = 1) => Concat.Cat(tensors, dim);

    /// <summary>a + b.</summary>
    public static Tensor Add(Tensor a, Tensor b) => Nn.Add.Forward(a, b);

    /// <summary>F.interpolate(input, size=…, mode=…, align_corners=…).</summary>
    public static Tensor Interpolate(Tensor input, (int Height, int Width) size, InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false) =>
        Upsample.Interpolate(input, size, null, mode, alignCorners);

    /// <summary>F.interpolate(input, scale_factor=…, mode=…, align_corners=…).</summary>
    public static Tensor Interpolate(Tensor input, double scaleFactor, InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false) =>
        Upsample.Interpolate(input, null, (scaleFactor, scaleFactor), mode, alignCorners);

    /// <summary>F.max_pool2d with a square window.</summary>
    public static Tensor MaxPool2d(Tensor input, int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false)
    {
        using var pool = new MaxPool2d(kernelSize, stride, padding, ceilMode: ceilMode);
        return pool.Forward(input);
    }

    /// <summary>F.avg_pool2d with a square window.</summary>
    public static Tensor AvgPool2d(Tensor input, int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false, bool countIncludePad = true)
    {
        using var pool = new AvgPool2d(kernelSize, stride, padding, ceilMode, countIncludePad);
        return pool.Forward(input);
    }

    /// <summary>F.adaptive_avg_pool2d.</summary>
    public static Tensor AdaptiveAvgPool2d(Tensor input, int outputHeight, int outputWidth)
    {
        using var pool = new AdaptiveAvgPool2d(outputHeight, outputWidth);
        return pool.Forward(input);
    }

    /// <summary>F.pad(input, (left, right, top, bottom), mode='constant' or 'reflect').</summary>
    public static Tensor Pad(Tensor input, int left, int right, int top, int bottom, bool reflect = false, float value = 0f)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4)
        {
            throw new ArgumentException($"pad: expected a 4-D NCHW tensor, got {input}", nameof(input));
        }
        var output = Tensor.Empty(input.Shape[0], input.Shape[1], input.Shape[2] + top + bottom, input.Shape[3] + left + right);
        try
        {
            if (reflect)
            {
                Padding.Reflect(input, output, left, right, top, bottom);
            }
            else
            {
                Padding.Constant(input, output, left, right, top, bottom, value);
            }
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private static Tensor Map(Tensor input, Action<Tensor, Tensor> op)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = Tensor.Empty(input.Shape);
        try
        {
            op(input, output);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }
}
