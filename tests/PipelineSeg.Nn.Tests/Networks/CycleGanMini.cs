using PipelineSeg.Tensors;

namespace PipelineSeg.Nn.Tests.Networks;

/// <summary>Port of networks.CycleGanMini (ResNet generator in miniature).</summary>
public sealed class CycleGanMini : Module
{
    private readonly Sequential model;

    public CycleGanMini(int cin = 1, int cout = 1, int ngf = 4)
    {
        model = RegisterModule("model", new Sequential(
            new ReflectionPad2d(3), new Conv2d(cin, ngf, 7), new InstanceNorm2d(ngf), new ReLU(),
            new Conv2d(ngf, ngf * 2, 3, stride: 2, padding: 1), new InstanceNorm2d(ngf * 2), new ReLU(),
            new ResnetBlock(ngf * 2),
            new ConvTranspose2d(ngf * 2, ngf, 3, stride: 2, padding: 1, outputPadding: 1), new InstanceNorm2d(ngf), new ReLU(),
            new ReflectionPad2d(3), new Conv2d(ngf, cout, 7), new Tanh()));
    }

    public override Tensor Forward(Tensor input) => model.Forward(input);

    private sealed class ResnetBlock : Module
    {
        private readonly Sequential convBlock;

        public ResnetBlock(int dim) => convBlock = RegisterModule("conv_block", new Sequential(
            new ReflectionPad2d(1), new Conv2d(dim, dim, 3), new InstanceNorm2d(dim), new ReLU(),
            new ReflectionPad2d(1), new Conv2d(dim, dim, 3), new InstanceNorm2d(dim)));

        public override Tensor Forward(Tensor input)
        {
            var y = convBlock.Forward(input);
            Add.InPlace(y, input);
            return y;
        }
    }
}
