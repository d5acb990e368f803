using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.CycleGan;

/// <summary>junyanz's <c>ResnetBlock</c> with reflection padding: x + conv_block(x), conv_block = [ReflectionPad(1), Conv3×3,
/// norm, ReLU, (Dropout 0.5), ReflectionPad(1), Conv3×3, norm].</summary>
public sealed class ResnetBlock : Module
{
    private readonly Sequential convBlock;

    /// <summary>Builds the block for <paramref name="dim"/> channels.</summary>
    public ResnetBlock(int dim, string norm, bool useDropout)
    {
        var bias = CycleGanNorm.UseBias(norm);
        var layers = new List<Module> { new ReflectionPad2d(1), new Conv2d(dim, dim, 3, bias: bias), CycleGanNorm.Create(norm, dim), new ReLU() };
        if (useDropout)
        {
            layers.Add(new Dropout(0.5f));
        }
        layers.AddRange([new ReflectionPad2d(1), new Conv2d(dim, dim, 3, bias: bias), CycleGanNorm.Create(norm, dim)]);
        convBlock = RegisterModule("conv_block", new Sequential([.. layers]));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var residual = convBlock.Forward(input);
        return Functional.Add(input, residual);
    }
}
