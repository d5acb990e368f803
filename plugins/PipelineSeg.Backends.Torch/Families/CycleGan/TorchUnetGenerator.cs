using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.CycleGan;

/// <summary>junyanz's <c>UnetGenerator</c>: skip blocks nested from the innermost out (<c>num_downs</c> levels), tanh output.</summary>
internal sealed class TorchUnetGenerator : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> model;

    public TorchUnetGenerator(long inputNc, long outputNc, int numDowns, long ngf, string norm, bool useDropout)
        : base(nameof(TorchUnetGenerator))
    {
        Module<Tensor, Tensor> block = new TorchUnetSkipConnectionBlock(ngf * 8, ngf * 8, null, null, TorchUnetSkipConnectionBlock.Position.Innermost, norm, false);
        for (var i = 0; i < numDowns - 5; i++)
        {
            block = new TorchUnetSkipConnectionBlock(ngf * 8, ngf * 8, null, block, TorchUnetSkipConnectionBlock.Position.Middle, norm, useDropout);
        }
        block = new TorchUnetSkipConnectionBlock(ngf * 4, ngf * 8, null, block, TorchUnetSkipConnectionBlock.Position.Middle, norm, false);
        block = new TorchUnetSkipConnectionBlock(ngf * 2, ngf * 4, null, block, TorchUnetSkipConnectionBlock.Position.Middle, norm, false);
        block = new TorchUnetSkipConnectionBlock(ngf, ngf * 2, null, block, TorchUnetSkipConnectionBlock.Position.Middle, norm, false);
        model = new TorchUnetSkipConnectionBlock(outputNc, ngf, inputNc, block, TorchUnetSkipConnectionBlock.Position.Outermost, norm, false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => model.call(input);
}
