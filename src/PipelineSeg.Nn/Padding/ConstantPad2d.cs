using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.ConstantPad2d: pads with a fixed value (negative padding crops).</summary>
public sealed class ConstantPad2d : Module
{
    /// <summary>Same padding on all four sides.</summary>
    public ConstantPad2d(int padding, float value) : this(padding, padding, padding, padding, value)
    {
    }

    /// <summary>PyTorch's order: (left, right, top, bottom).</summary>
    public ConstantPad2d(int left, int right, int top, int bottom, float value) =>
        (Left, Right, Top, Bottom, Value) = (left, right, top, bottom, value);

    /// <summary>Columns added on the left.</summary>
    public int Left { get; }

    /// <summary>Columns added on the right.</summary>
    public int Right { get; }

    /// <summary>Rows added on top.</summary>
    public int Top { get; }

    /// <summary>Rows added at the bottom.</summary>
    public int Bottom { get; }

    /// <summary>The fill value.</summary>
    public float Value { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Functional.Pad(input, Left, Right, Top, Bottom, reflect: false, Value);
}
