using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.CycleGan;

/// <summary>
/// junyanz's <c>UnetSkipConnectionBlock</c>: <c>model</c> = [LeakyReLU(0.2), Conv4×4 s2, norm] + submodule + [ReLU, ConvT4×4 s2,
/// norm, (Dropout)] (outermost: [Conv] + sub + [ReLU, ConvT, Tanh]; innermost: no norm down, no submodule), and
/// non-outermost blocks return cat([x, model(x)]). Upstream's LeakyReLU is in place, so the x it concatenates has already
/// gone through it: we concatenate LeakyReLU(x) likewise, which checkpoints trained upstream rely on.
/// </summary>
public sealed class UnetSkipConnectionBlock : Module
{
    private const float Slope = 0.2f;
    private readonly Sequential model;
    private readonly bool outermost;

    /// <summary>Builds the block as upstream's constructor (input_nc defaults to outer_nc).</summary>
    public UnetSkipConnectionBlock(int outerNc, int innerNc, int? inputNc, UnetSkipConnectionBlock? submodule, bool outermost, bool innermost,
        string norm, bool useDropout)
    {
        this.outermost = outermost;
        var bias = CycleGanNorm.UseBias(norm);
        var downconv = new Conv2d(inputNc ?? outerNc, innerNc, 4, stride: 2, padding: 1, bias: bias);
        var layers = new List<Module>();
        if (outermost)
        {
            layers.AddRange([downconv, submodule!, new ReLU(), new ConvTranspose2d(innerNc * 2, outerNc, 4, stride: 2, padding: 1), new Tanh()]);
        }
        else if (innermost)
        {
            layers.AddRange([new LeakyReLU(Slope), downconv, new ReLU(), new ConvTranspose2d(innerNc, outerNc, 4, stride: 2, padding: 1, bias: bias),
                CycleGanNorm.Create(norm, outerNc)]);
        }
        else
        {
            layers.AddRange([new LeakyReLU(Slope), downconv, CycleGanNorm.Create(norm, innerNc), submodule!, new ReLU(),
                new ConvTranspose2d(innerNc * 2, outerNc, 4, stride: 2, padding: 1, bias: bias), CycleGanNorm.Create(norm, outerNc)]);
            if (useDropout)
            {
                layers.Add(new Dropout(0.5f));
            }
        }
        model = RegisterModule("model", new Sequential([.. layers]));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (outermost)
        {
            return model.Forward(input);
        }
        using var inner = model.Forward(input);
        using var skip = Functional.LeakyRelu(input, Slope);
        return Functional.Cat([skip, inner]);
    }
}
