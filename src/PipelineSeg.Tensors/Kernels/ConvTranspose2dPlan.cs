namespace PipelineSeg.Tensors.Kernels;

/// <summary>A transposed convolution with its weights prepared once and reused for every forward.</summary>
public sealed class ConvTranspose2dPlan : IDisposable
{
    private readonly ConvTranspose2dOptions options;
    private readonly float[] weight;
    private readonly float[] bias;
    private readonly Epilogue epilogue;

    /// <summary>Prepares the plan; <paramref name="weight"/> is [InC, OutC/groups, kH, kW], <paramref name="bias"/> [OutC] or empty.</summary>
    public ConvTranspose2dPlan(ConvTranspose2dOptions options, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Epilogue epilogue)
    {
        options.Validate();
        int expected = options.InChannels * (options.OutChannels / options.Groups) * options.KernelHeight * options.KernelWidth;
        if (weight.Length != expected)
        {
            throw new ArgumentException($"ConvTranspose2d: weight has {weight.Length} elements, expected {expected} for {options}.", nameof(weight));
        }
        if (!bias.IsEmpty && bias.Length != options.OutChannels)
        {
            throw new ArgumentException($"ConvTranspose2d: bias has {bias.Length} elements, expected {options.OutChannels}.", nameof(bias));
        }
        this.options = options;
        this.weight = weight.ToArray();
        this.bias = bias.ToArray();
        this.epilogue = epilogue;
    }

    /// <summary>The transposed convolution's geometry.</summary>
    public ConvTranspose2dOptions Options => options;

    /// <summary>Output size for an input of the given size.</summary>
    public (int Height, int Width) OutputSize(int inHeight, int inWidth) => options.OutputSize(inHeight, inWidth);

    /// <summary>Runs it: input [N, InC, H, W] → output [N, OutC, OH, OW]; writes only that range of <paramref name="output"/>.</summary>
    public void Forward(ReadOnlySpan<float> input, int batch, int inHeight, int inWidth, Span<float> output)
    {
        var (oh, ow) = OutputSize(inHeight, inWidth);
        ConvShapes.Check("ConvTranspose2d", input.Length, batch * options.InChannels * inHeight * inWidth,
            output.Length, batch * options.OutChannels * oh * ow, oh, ow);
        ConvTranspose2dReference.Forward(options, weight, bias, epilogue, input, batch, inHeight, inWidth, output);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
