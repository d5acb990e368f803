using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.ZeroPad2d (negative padding crops).</summary>
public sealed class ZeroPad2d : Module
{
    /// <summary>Same padding on all four sides.</summary>
    public ZeroPad2d(int padding) : this(padding, padding, padding, padding)
    {
    }

    /// <summary>PyTorch's order: (left, right, top, bottom).</summary>
    public ZeroPad2d(int left, int right, int top, int bottom) => (Left, Right, Top, Bottom) = (left, right, top, bottom);

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
            throw new ArgumentException($"ZeroPad2d: expected a 4-D NCHW tensor, got {input}", nameof(input));
        }
        var oh = input.Shape[2] + Top + Bottom;
        var ow = input.Shape[3] + Left + Right;
        if (oh < 1 || ow < 1)
        {
            throw new ArgumentException($"ZeroPad2d: padding ({Left}, {Right}, {Top}, {Bottom}) leaves nothing of {input}", nameof(input));
        }
        var output = Tensor.Empty(input.Shape[0], input.Shape[1], oh, ow);
        Tensors.Operations.Padding.Constant(input, output, Left, Right, Top, Bottom);
        return output;
    }
}
