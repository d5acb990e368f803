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
    public override Tensor Forward(Tensor input) => Functional.Pad(input, Left, Right, Top, Bottom);
}
