using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.ReflectionPad2d: mirrors the border without repeating the edge pixel.</summary>
public sealed class ReflectionPad2d : Module
{
    /// <summary>Same padding on all four sides.</summary>
    public ReflectionPad2d(int padding) : this(padding, padding, padding, padding)
    {
    }

    /// <summary>PyTorch's order: (left, right, top, bottom).</summary>
    public ReflectionPad2d(int left, int right, int top, int bottom) => (Left, Right, Top, Bottom) = (left, right, top, bottom);

    /// <summary>Columns added on the left.</summary>
    public int Left { get; }

    /// <summary>Columns added on the right.</summary>
    public int Right { get; }

    /// <summary>Rows added on top.</summary>
    public int Top { get; }

    /// <summary>Rows added at the bottom.</summary>
    public int Bottom { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4)
        {
            throw new ArgumentException($"ReflectionPad2d: expected a 4-D NCHW tensor, got {input}", nameof(input));
        }
        var output = Tensor.Empty(input.Shape[0], input.Shape[1], input.Shape[2] + Top + Bottom, input.Shape[3] + Left + Right);
        try
        {
            Tensors.Operations.Padding.Reflect(input, output, Left, Right, Top, Bottom);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }
}
