namespace PipelineSeg.Tensors.Kernels;

/// <summary>A convolution with its weights prepared once (after BN folding) and reused for every forward.</summary>
public sealed class Conv2dPlan : IDisposable
{
    private readonly Conv2dOptions options;
    private readonly float[] weight;
    private readonly float[] bias;
    private readonly Epilogue epilogue;

    /// <summary>Prepares the plan; <paramref name="weight"/> is [OutC, InC/groups, kH, kW], <paramref name="bias"/> [OutC] or empty.</summary>
    public Conv2dPlan(Conv2dOptions options, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Epilogue epilogue)
    {
        options.Validate();
        int expected = options.OutChannels * (options.InChannels / options.Groups) * options.KernelHeight * options.KernelWidth;
        if (weight.Length != expected)
        {
            throw new ArgumentException($"Conv2d: weight has {weight.Length} elements, expected {expected} for {options}.", nameof(weight));
        }
        if (!bias.IsEmpty && bias.Length != options.OutChannels)
        {
            throw new ArgumentException($"Conv2d: bias has {bias.Length} elements, expected {options.OutChannels}.", nameof(bias));
        }
        this.options = options;
        this.weight = weight.ToArray();
        this.bias = bias.ToArray();
        this.epilogue = epilogue;
    }

    /// <summary>The convolution's geometry.</summary>
    public Conv2dOptions Options => options;

    /// <summary>Output size for an input of the given size.</summary>
    public (int Height, int Width) OutputSize(int inHeight, int inWidth) => options.OutputSize(inHeight, inWidth);

    /// <summary>Runs the convolution: input [N, InC, H, W] → output [N, OutC, OH, OW]; writes only that range of <paramref name="output"/>.</summary>
    public void Forward(ReadOnlySpan<float> input, int batch, int inHeight, int inWidth, Span<float> output)
    {
        var (oh, ow) = OutputSize(inHeight, inWidth);
        ConvShapes.Check("Conv2d", input.Length, batch * options.InChannels * inHeight * inWidth,
            output.Length, batch * options.OutChannels * oh * ow, oh, ow);
        Conv2dReference.Forward(options, weight, bias, epilogue, input, batch, inHeight, inWidth, output);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
