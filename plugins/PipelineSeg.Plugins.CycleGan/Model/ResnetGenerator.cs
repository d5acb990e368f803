using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.CycleGan;

/// <summary>
/// junyanz's <c>ResnetGenerator</c> (netG resnet_9blocks / resnet_6blocks): <c>model</c> = [ReflectionPad(3), Conv7×7, norm,
/// ReLU], two stride-2 Conv3×3 downsamplings, n_blocks <see cref="ResnetBlock"/>s, two transposed-conv upsamplings,
/// [ReflectionPad(3), Conv7×7, Tanh]. Keys <c>model.N.*</c> as in latest_net_G_A.pth.
/// </summary>
public sealed class ResnetGenerator : Module
{
    private readonly Sequential model;

    /// <summary>Builds the generator as <c>ResnetGenerator(input_nc, output_nc, ngf, norm_layer, use_dropout, n_blocks)</c>.</summary>
    public ResnetGenerator(int inputNc, int outputNc, int ngf, string norm, bool useDropout, int blocks)
    {
        var bias = CycleGanNorm.UseBias(norm);
        var layers = new List<Module> { new ReflectionPad2d(3), new Conv2d(inputNc, ngf, 7, bias: bias), CycleGanNorm.Create(norm, ngf), new ReLU() };
        for (var i = 0; i < 2; i++)
        {
            var mult = 1 << i;
            layers.AddRange([new Conv2d(ngf * mult, ngf * mult * 2, 3, stride: 2, padding: 1, bias: bias), CycleGanNorm.Create(norm, ngf * mult * 2), new ReLU()]);
        }
        for (var i = 0; i < blocks; i++)
        {
            layers.Add(new ResnetBlock(ngf * 4, norm, useDropout));
        }
        for (var i = 0; i < 2; i++)
        {
            var mult = 1 << (2 - i);
            layers.AddRange([new ConvTranspose2d(ngf * mult, ngf * mult / 2, 3, stride: 2, padding: 1, outputPadding: 1, bias: bias),
                CycleGanNorm.Create(norm, ngf * mult / 2), new ReLU()]);
        }
        layers.AddRange([new ReflectionPad2d(3), new Conv2d(ngf, outputNc, 7), new Tanh()]);
        model = RegisterModule("model", new Sequential([.. layers]));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => model.Forward(input);
}
