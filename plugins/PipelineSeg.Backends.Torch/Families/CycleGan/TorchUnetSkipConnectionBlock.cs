using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.CycleGan;

/// <summary>
/// junyanz's <c>UnetSkipConnectionBlock</c>: <c>model</c> = [down…, submodule, up…] with the module positions of upstream.
/// Its LeakyReLU is in place, as upstream: it rewrites the block's input before the concatenation, so the skip carries
/// LeakyReLU(x), not x — the trained weights expect exactly that.
/// </summary>
internal sealed class TorchUnetSkipConnectionBlock : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> model;
    private readonly bool outermost;

    public TorchUnetSkipConnectionBlock(long outerNc, long innerNc, long? inputNc, Module<Tensor, Tensor>? submodule, Position position, string norm, bool useDropout)
        : base(nameof(TorchUnetSkipConnectionBlock))
    {
        var bias = CycleGanNorm.UseBias(norm);
        var downconv = Conv2d(inputNc ?? outerNc, innerNc, 4, stride: 2, padding: 1, bias: bias);
        List<Module<Tensor, Tensor>> layers = position switch
        {
            Position.Outermost => [downconv, submodule!, ReLU(inplace: true), ConvTranspose2d(innerNc * 2, outerNc, 4, stride: 2, padding: 1), Tanh()],
            Position.Innermost => [LeakyReLU(0.2, inplace: true), downconv, ReLU(inplace: true),
                ConvTranspose2d(innerNc, outerNc, 4, stride: 2, padding: 1, bias: bias), CycleGanNorm.Create(norm, outerNc)],
            _ => [LeakyReLU(0.2, inplace: true), downconv, CycleGanNorm.Create(norm, innerNc), submodule!, ReLU(inplace: true),
                ConvTranspose2d(innerNc * 2, outerNc, 4, stride: 2, padding: 1, bias: bias), CycleGanNorm.Create(norm, outerNc)],
        };
        if (position == Position.Middle && useDropout)
        {
            layers.Add(Dropout(0.5));
        }
        outermost = position == Position.Outermost;
        model = Sequential(layers);
        RegisterComponents();
    }

    /// <summary>Where the block sits in the generator.</summary>
    public enum Position
    {
        Outermost,
        Middle,
        Innermost,
    }

    public override Tensor forward(Tensor input)
    {
        if (outermost)
        {
            return model.call(input);
        }
        var inner = model.call(input);
        return cat([input, inner], 1);
    }
}
